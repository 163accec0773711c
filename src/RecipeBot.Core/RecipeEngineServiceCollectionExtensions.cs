using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RecipeBot.Core.Conversations;
using RecipeBot.Core.CloseOuts;
using RecipeBot.Core.Diagnosis;
using RecipeBot.Core.Engine;
using RecipeBot.Core.Flow;
using RecipeBot.Core.Loading;
using RecipeBot.Core.Meetings;
using RecipeBot.Core.Outbox;
using RecipeBot.Core.Plans;
using RecipeBot.Core.Privacy;
using RecipeBot.Core.Stats;
using RecipeBot.Core.Turns;

namespace RecipeBot.Core;

public static class RecipeEngineServiceCollectionExtensions
{
    /// <summary>
    /// Registers the content (loaded and validated once), the compiled flow and the engine.
    /// Needs an <see cref="IConversationStore"/> and an <see cref="IOutboxStore"/> (see <c>AddStorage</c>).
    /// </summary>
    public static IServiceCollection AddRecipeEngine(this IServiceCollection services)
    {
        services.AddOptions<RecipeEngineOptions>()
            .BindConfiguration(RecipeEngineOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<PrivacyOptions>()
            .BindConfiguration(PrivacyOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(provider => new RetentionPolicy(provider.GetRequiredService<IOptions<PrivacyOptions>>().Value));
        // Meetings, next steps and their ledger are personal data too; their timers go with them.
        services.AddSingleton<IPersonalDataSource>(provider => new MeetingPersonalData(
            provider.GetRequiredService<IMeetingStore>(), provider.GetRequiredService<IReminderScheduler>()));
        // Action plans: the commitments their creators and reporters made are theirs; the check-in timer goes with a plan.
        services.AddSingleton<IPersonalDataSource>(provider => new PlanPersonalData(provider.GetRequiredService<PlanServices>()));
        services.AddSingleton(provider => new PlanServices(provider.GetRequiredService<IPlanStore>(), provider.GetRequiredService<IPlanScheduler>()));
        // Close-outs and the activity the council's figures count: personal data as well, and sources of /stats.
        services.TryAddSingleton<ICloseOutStore>(new InMemoryCloseOutStore());
        services.TryAddSingleton<IActivityLog>(new InMemoryActivityLog());
        services.AddSingleton<IPersonalDataSource>(provider => new CloseOutPersonalData(provider.GetRequiredService<ICloseOutStore>()));
        services.AddSingleton(provider => new ActivityStatsSource(provider.GetRequiredService<IActivityLog>()));
        services.AddSingleton<IPersonalDataSource>(provider => provider.GetRequiredService<ActivityStatsSource>());
        services.AddSingleton<IStatsSource>(provider => provider.GetRequiredService<ActivityStatsSource>());
        services.AddSingleton<IStatsSource>(provider => new CloseOutStatsSource(provider.GetRequiredService<ICloseOutStore>()));
        services.AddSingleton<IStatsSource>(provider => new PlanStatsSource(provider.GetRequiredService<IPlanStore>()));
        services.AddSingleton(provider => new PersonalData(provider.GetServices<IPersonalDataSource>(), provider.GetRequiredService<TimeProvider>()));
        services.AddSingleton<RetentionSweeper>();
        services.AddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<RecipeEngineOptions>>().Value;
            return CompiledFlow.Compile(ContentLoader.LoadValid(ContentPaths.Resolve(options.ContentPath)));
        });
        services.AddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<RecipeEngineOptions>>().Value;
            var flow = provider.GetRequiredService<CompiledFlow>();
            var diagnoser = IntentDiagnoser.FromContent(
                ContentPaths.Resolve(options.ContentPath),
                flow.Content,
                out var elapsed,
                string.IsNullOrWhiteSpace(options.ModelCachePath) ? null : Path.GetFullPath(options.ModelCachePath));
            provider.GetRequiredService<ILogger<IntentDiagnoser>>().LogInformation(
                "Free-text recognition ready in {ElapsedMs} ms; acts at confidence {Accept:F2}, asks from {Clarify:F2}",
                (long)elapsed.TotalMilliseconds, diagnoser.Thresholds.Accept, diagnoser.Thresholds.Clarify);
            return diagnoser;
        });
        // Storage and reminders replace these when they are added.
        services.TryAddSingleton<IMeetingStore>(provider => new InMemoryMeetingStore(provider.GetService<IOutboxStore>()));
        services.TryAddSingleton<IReminderScheduler>(NoReminderScheduler.Instance);
        services.TryAddSingleton<IChatPermissions>(NoChatPermissions.Instance);
        services.TryAddSingleton<IPlanStore, InMemoryPlanStore>();
        services.TryAddSingleton<IPlanScheduler>(NoPlanScheduler.Instance);
        // Each channel registers an IChannelSender; this routes proactive messages by conversation id.
        services.TryAddSingleton<Channels.ChannelSenders>();
        services.AddSingleton(provider => new RecipeEngine(
            provider.GetRequiredService<CompiledFlow>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<IOptions<RecipeEngineOptions>>().Value.MaxTextLength,
            provider.GetRequiredService<ILogger<RecipeEngine>>(),
            provider.GetRequiredService<IntentDiagnoser>(),
            new MeetingServices(
                provider.GetRequiredService<IMeetingStore>(),
                provider.GetRequiredService<IReminderScheduler>(),
                provider.GetRequiredService<IChatPermissions>(),
                provider.GetRequiredService<IOptions<RecipeEngineOptions>>().Value.Coordinators.ToHashSet(StringComparer.Ordinal),
                provider.GetRequiredService<IOptions<RecipeEngineOptions>>().Value.NextStepAfter,
                ConfiguredLeadTimes(provider.GetService<Microsoft.Extensions.Configuration.IConfiguration>())),
            new PrivacyServices(provider.GetRequiredService<PersonalData>(), provider.GetRequiredService<RetentionPolicy>()),
            provider.GetRequiredService<PlanServices>(),
            new WorkbenchServices(
                provider.GetRequiredService<ICloseOutStore>(),
                provider.GetRequiredService<IActivityLog>(),
                [.. provider.GetServices<IStatsSource>()])));
        services.AddSingleton(provider => new MeetingMessages(provider.GetRequiredService<CompiledFlow>()));
        // The turn (per-conversation order, dedupe, one transaction with the outbox, the error boundary) and the
        // outbox senders that deliver what turns and reminders wrote, one per channel.
        services.TryAddSingleton<OutboxSignal>();
        services.AddSingleton<TurnRunner>();
        services.AddSingleton(provider => new OutboxSenders(
            provider.GetServices<Channels.IChannelSender>(),
            provider.GetRequiredService<IOutboxStore>(),
            provider.GetRequiredService<OutboxSignal>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILoggerFactory>(),
            provider.GetService<Channels.IChatDirectory>()));
        services.AddHostedService<OutboxService>();
        return services;
    }

    /// <summary>What the confirmation promises: the <c>Reminders</c> section's lead times, none when reminders are off.</summary>
    private static IReadOnlyList<string>? ConfiguredLeadTimes(Microsoft.Extensions.Configuration.IConfiguration? configuration)
    {
        var section = configuration?.GetSection("Reminders");
        if (section is null)
        {
            return null;
        }

        if (bool.TryParse(section["Enabled"], out var enabled) && !enabled)
        {
            return [];
        }

        var leads = section.GetSection("LeadTimes").GetChildren().Select(c => c.Value).OfType<string>().ToList();
        return leads.Count == 0 ? null : leads;
    }
}
