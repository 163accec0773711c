using Microsoft.Extensions.Time.Testing;
using RecipeBot.Core.Conversations;
using RecipeBot.Core.Engine;
using RecipeBot.Core.Meetings;
using RecipeBot.Core.Outbox;
using RecipeBot.Core.Plans;
using RecipeBot.Core.Privacy;
using RecipeBot.Core.Turns;
using Microsoft.Extensions.Logging.Abstractions;

namespace RecipeBot.Core.Tests;

/// <summary>The real content and engine over an in-memory store, driven like a channel would.</summary>
public sealed class EngineHarness
{
    public EngineHarness(IConversationStore? store = null, bool understandsFreeText = false, MeetingServices? meetings = null, PlanServices? plans = null, Stats.WorkbenchServices? workbench = null)
    {
        Plans = plans ?? PlanServices.InMemory();
        Workbench = workbench ?? Stats.WorkbenchServices.InMemory();
        Store = store ?? new InMemoryConversationStore();
        Meetings = meetings ?? MeetingServices.InMemory();
        // Every store the harness has is a source of personal data, as the host registers them.
        IPersonalDataSource[] sources = Store is IPersonalDataSource own
            ? [own, new MeetingPersonalData(Meetings.Store, Meetings.Scheduler), new PlanPersonalData(Plans)]
            : [new MeetingPersonalData(Meetings.Store, Meetings.Scheduler), new PlanPersonalData(Plans)];
        Data = new PersonalData(sources, Time);
        Engine = new RecipeEngine(
            RepositoryContent.Compile(),
            Time,
            diagnoser: understandsFreeText ? RepositoryContent.Diagnoser : null,
            meetingServices: Meetings,
            privacy: new PrivacyServices(Data, RetentionPolicy.Default),
            planServices: Plans,
            workbench: Workbench);
        Turns = new TurnRunner(Engine, Store, (IOutboxStore)Store, new OutboxSignal(), TurnLog);
    }

    public MeetingServices Meetings { get; }

    public PlanServices Plans { get; }

    /// <summary>Close-outs, the activity log and the sources of <c>/stats</c>.</summary>
    public Stats.WorkbenchServices Workbench { get; }

    /// <summary>What <c>/export</c> reads and <c>/forget</c> erases.</summary>
    public PersonalData Data { get; }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero));

    public IConversationStore Store { get; }

    public RecipeEngine Engine { get; }

    public TurnRunner Turns { get; }

    /// <summary>Turns that failed and were answered with an apology by the error boundary.</summary>
    public int FailedTurns => TurnLog.Errors;

    private CountingLogger<TurnRunner> TurnLog { get; } = new();

    public async Task<OutgoingMessage> SayAsync(string text, string chat = "test:1", string? lang = null) =>
        (await Turns.RunAsync(new IncomingMessage(chat, text, "user-1", lang), CancellationToken.None))!;

    /// <summary>A message from <paramref name="user"/> in a group chat.</summary>
    public async Task<OutgoingMessage> SayInGroupAsync(string text, string user, string chat = "test:-100") =>
        (await Turns.RunAsync(new IncomingMessage(chat, text, user, "en", IsGroup: true), CancellationToken.None))!;
}
