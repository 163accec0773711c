using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RecipeBot.Core.Channels;
using RecipeBot.Core.Conversations;
using RecipeBot.Core.Diagnosis;
using RecipeBot.Core.Engine;
using RecipeBot.Core.Flow;
using RecipeBot.Core.Meetings;
using RecipeBot.Core.Turns;
using RecipeBot.Storage;

namespace RecipeBot;

/// <summary>What must work before the bot takes its first message: the settings, the database, the content.</summary>
internal static class StartupChecks
{
    /// <summary>All of them, in that order.</summary>
    public static void Run(IServiceProvider services)
    {
        ValidateSettings(services);
        CheckDatabase(services);
        WarmUp(services);
    }

    /// <summary>Every section registered with ValidateOnStart, all failures at once.</summary>
    public static void ValidateSettings(IServiceProvider services) => services.GetService<IStartupValidator>()?.Validate();

    public static void CheckDatabase(IServiceProvider services)
    {
        var storage = services.GetRequiredService<IOptions<StorageOptions>>().Value;
        var health = services.GetRequiredService<StorageHealth>();
        // Each creates or upgrades the schema (the migrations): a database that cannot take that fails here too.
        if (storage.IsPostgres)
        {
            PostgresCheck.Run(health, storage.PostgresConnectionString!);
        }
        else
        {
            if (!storage.IsMemory)
            {
                DatabaseCheck.Run(storage.SqlitePath);
            }

            health.Migrate();
        }

        services.GetRequiredService<IConversationStore>();
        services.GetRequiredService<IMeetingStore>();
        services.GetRequiredService<IConversationReferenceStore>();
        services.GetRequiredService<IInboxStore>();
        services.GetRequiredService<ITranscriptStore>();
    }

    /// <summary>Loads the content and trains (or loads) the free-text model, so the first turn is not the slow one.</summary>
    public static void WarmUp(IServiceProvider services) => services.GetRequiredService<RecipeEngine>();

    /// <summary>
    /// Rehearses turns in every language, and each channel's path from its update to its request, in memory
    /// (<see cref="Rehearsal"/>), unless <c>RecipeBot:Rehearse</c> is off. Its code is then compiled before a user waits.
    /// </summary>
    public static void Rehearse(IServiceProvider services)
    {
        if (!services.GetRequiredService<IOptions<RecipeEngineOptions>>().Value.Rehearse)
        {
            return;
        }

        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(Rehearsal));
        var started = Stopwatch.GetTimestamp();
        var rehearsal = new Rehearsal(services.GetRequiredService<CompiledFlow>(), services.GetRequiredService<IntentDiagnoser>(), TimeProvider.System);
        var sent = new List<string>();
        using var timeout = new CancellationTokenSource(RehearsalTimeout);
        try
        {
            Task.Run(
                async () =>
                {
                    await rehearsal.WalkAsync(RehearsalWalks, RehearsalSteps, timeout.Token).ConfigureAwait(false);
                    foreach (var channel in services.GetServices<IChannelRehearsal>())
                    {
                        var messages = await channel.RunAsync(rehearsal, timeout.Token).ConfigureAwait(false);
                        sent.Add($"{channel.Channel} {messages}");
                    }
                },
                timeout.Token).GetAwaiter().GetResult();
            logger.LogInformation(
                "Rehearsed {Turns} turns in {ElapsedMs} ms before taking messages (messages rendered: {Sent})",
                rehearsal.TurnsTaken,
                (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds,
                sent.Count == 0 ? "none" : string.Join(", ", sent));
        }
        catch (Exception e)
        {
            // Only the first users' wait is at stake: the bot starts all the same.
            logger.LogWarning(e, "The rehearsal at start did not finish ({Turns} turns in {ElapsedMs} ms); the bot starts without it", rehearsal.TurnsTaken, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }

    /// <summary>The longest the rehearsal may hold up the start.</summary>
    private static readonly TimeSpan RehearsalTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Walks per language, and steps per walk: enough to pass every kind of step once, in a fraction of a second.</summary>
    private const int RehearsalWalks = 4;

    private const int RehearsalSteps = 8;
}
