using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RecipeBot.Channels.Terminal;
using RecipeBot.Core;
using RecipeBot.Reminders;
using RecipeBot.Storage;

namespace RecipeBot;

/// <summary>Composition of the terminal chat: engine, storage, terminal channel.</summary>
internal static class ChatCommand
{
    public static async Task<int> RunAsync(string[] options)
    {
        var unknown = options.Where(o => o.StartsWith("--", StringComparison.Ordinal) && o is not "--jsonl" and not "--chat").ToList();
        if (unknown.Count > 0)
        {
            throw new UsageException($"Unknown option(s) for chat: {string.Join(", ", unknown)}");
        }

        var terminal = new TerminalOptions
        {
            JsonLines = options.Contains("--jsonl"),
            DefaultChat = Cli.OptionValue(options, "--chat") ?? "local",
            AttachmentsPath = TerminalOptions.DefaultAttachmentsPath,
        };

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = [HostPaths.NoConfigReload],
            ContentRootPath = HostPaths.ContentRoot(),
        });
        // stdout belongs to the conversation; logs go to stderr.
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Warning);
        // A service that fails stops the chat with one line of our own (Cli.RunToEndAsync), not the host's stack trace.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.None);

        // Content, flow and the conversation engine.
        builder.Services.AddRecipeEngine();
        // Conversation state: SQLite by default.
        builder.Services.AddStorage();
        // The terminal channel.
        builder.Services.AddTerminalChat(terminal);
        // Meeting reminders of terminal conversations, written into the terminal while it is open. The timers
        // stay in memory (rebuilt from the meetings at start), so a server on the same file keeps its own;
        // the ledger keeps each reminder to one send, and other channels' meetings are left to the server.
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Reminders:PersistentTimers"] = "false" });
        builder.Services.AddReminders(builder.Configuration);

        using var host = builder.Build();
        StartupChecks.Run(host.Services);
        return await Cli.RunToEndAsync(host).ConfigureAwait(false);
    }
}
