using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using RecipeBot.Core.Channels;
using RecipeBot.Core.Meetings;
using RecipeBot.Core.Outbox;
using RecipeBot.Core.Plans;

namespace RecipeBot.Reminders.Tests.Support;

/// <summary>
/// A dispatcher on a fake clock, in-memory stores (unless given others), recording timers, and an outbox drained
/// into a recording channel: each dispatch here is followed by a flush of the outbox, so <see cref="Sender"/> holds
/// what reached the channel.
/// </summary>
public sealed class DispatcherHarness
{
    public DispatcherHarness(
        string now,
        Action<ReminderOptions>? configure = null,
        HarnessStores? stores = null,
        string instanceId = "instance-a",
        FakeTimeProvider? time = null,
        RecordingSender? sender = null,
        ILogger<ReminderDispatcher>? logger = null)
    {
        Options = new ReminderOptions { InstanceId = instanceId };
        configure?.Invoke(Options);
        Time = time ?? new FakeTimeProvider(TestMeetings.Utc(now));
        Stores = stores ?? HarnessStores.InMemory(Time);
        Sender = sender ?? new RecordingSender();
        Planner = new NotificationPlanner(Options);
        var signal = new OutboxSignal();
        Outbox = new OutboxSender(Stores.Outbox, Sender, signal, Time, NullLogger<OutboxSender>.Instance, Stores.Chats);
        Dispatcher = new ReminderDispatcher(
            Store,
            new ChannelSenders([Sender]),
            Stores.Chats,
            signal,
            Dialogs.Messages,
            Planner,
            Timers,
            Microsoft.Extensions.Options.Options.Create(Options),
            Time,
            logger ?? NullLogger<ReminderDispatcher>.Instance,
            Stores.CloseOuts,
            Plans,
            PlanMessages);
    }

    public ReminderOptions Options { get; }

    public IPlanStore Plans { get; } = new InMemoryPlanStore();

    public static PlanMessages PlanMessages { get; } = new(Dialogs.Flow);

    public FakeTimeProvider Time { get; }

    public HarnessStores Stores { get; }

    public IMeetingStore Store => Stores.Meetings;

    public IChatDirectory Chats => Stores.Chats;

    public RecordingSender Sender { get; }

    /// <summary>Drains the outbox into <see cref="Sender"/>, retrying failures as the bot's outbox sender does.</summary>
    public OutboxSender Outbox { get; }

    public RecordingTimers Timers { get; } = new();

    public NotificationPlanner Planner { get; }

    public ReminderDispatcher Dispatcher { get; }

    public void SetNow(string now) => Time.SetUtcNow(TestMeetings.Utc(now));

    public async Task<Meeting> SaveAsync(Meeting meeting)
    {
        await Store.SaveAsync(meeting, CancellationToken.None);
        return meeting;
    }

    public async Task<DateTimeOffset?> DispatchAsync(Meeting meeting)
    {
        var next = await Dispatcher.DispatchMeetingAsync(meeting.Id, CancellationToken.None);
        await FlushAsync();
        return next;
    }

    public async Task<DateTimeOffset?> DispatchNextStepAsync(NextStep step)
    {
        var next = await Dispatcher.DispatchNextStepAsync(step.ConversationId, step.SituationId, CancellationToken.None);
        await FlushAsync();
        return next;
    }

    public async Task CatchUpAsync()
    {
        await Dispatcher.CatchUpAsync(CancellationToken.None);
        await FlushAsync();
    }

    /// <summary>Sends what the outbox holds that is due now (a failed row waits for its backoff).</summary>
    public Task FlushAsync() => Outbox.FlushAsync(CancellationToken.None);

    /// <summary>Rows still in the outbox, whether due or waiting for a retry.</summary>
    public async Task<IReadOnlyList<OutboxItem>> OutboxRowsAsync() =>
        await Stores.Outbox.PendingAsync(string.Empty, 0, 1000, DateTimeOffset.MaxValue, CancellationToken.None);

    public ValueTask<NotificationStatus?> StatusAsync(Meeting meeting, string occurrence, string kind) =>
        Store.GetStatusAsync(NotificationKeys.Meeting(meeting.Id, TestMeetings.Utc(occurrence), kind), CancellationToken.None);
}
