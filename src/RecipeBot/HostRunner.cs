using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace RecipeBot;

/// <summary>Runs a host to its end and tells whether a background service stopped it by failing.</summary>
internal static class HostRunner
{
    /// <summary>The exception that stopped the host, or null when it ended normally (input closed, Ctrl+C, SIGTERM).</summary>
    public static async Task<Exception?> RunAsync(IHost host)
    {
        // Taken before the run: the host disposes its services when it ends.
        var services = host.Services.GetServices<IHostedService>().OfType<BackgroundService>().ToList();
        await host.RunAsync().ConfigureAwait(false);
        return services.Select(s => s.ExecuteTask).FirstOrDefault(task => task is { IsFaulted: true })?.Exception?.GetBaseException();
    }
}
