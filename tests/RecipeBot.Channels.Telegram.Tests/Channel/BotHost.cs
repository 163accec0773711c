using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using RecipeBot.Channels.Telegram.Tests.Fakes;

namespace RecipeBot.Channels.Telegram.Tests.Channel;

/// <summary>The real bot (its own composition) on loopback, talking to a fake Bot API, with state in a temp SQLite file.</summary>
public sealed class BotHost : IAsyncDisposable
{
    public const string WebhookSecret = "s3cret-Token_for-tests";

    private readonly WebApplication _app;

    private BotHost(WebApplication app) => _app = app;

    public Uri Address { get; private set; } = null!;

    public IServiceProvider Services => _app.Services;

    /// <param name="configure">Runs after the bot's own composition, e.g. to capture its logs.</param>
    public static async Task<BotHost> StartAsync(
        FakeBotApiServer telegram,
        string databasePath,
        bool webhook = false,
        TimeProvider? time = null,
        Action<IServiceCollection>? configure = null)
    {
        var args = new List<string>
        {
            $"--Telegram:BotToken={telegram.Token}",
            $"--Telegram:BaseUrl={telegram.BaseUrl}",
            "--Telegram:PollingTimeoutSeconds=1",
            $"--Storage:SqlitePath={databasePath}",
            $"--RecipeBot:ContentPath={FindDialogs()}",
            "--urls=http://127.0.0.1:0",
            "--Logging:LogLevel:Default=Warning",
        };
        if (webhook)
        {
            args.Add("--Telegram:Mode=webhook");
            args.Add("--Telegram:WebhookUrl=https://bot.example.ee/");
            args.Add($"--Telegram:WebhookSecret={WebhookSecret}");
        }

        var app = BotApplication.Create(
            [.. args],
            services =>
            {
                if (time is not null)
                {
                    services.AddSingleton(time);
                }

                configure?.Invoke(services);
            }) ?? throw new InvalidOperationException("Telegram was not configured.");
        await app.StartAsync();
        var host = new BotHost(app);
        host.Address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return host;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static string FindDialogs() => RecipeBot.Tests.Shared.RepositoryPaths.Dialogs();
}
