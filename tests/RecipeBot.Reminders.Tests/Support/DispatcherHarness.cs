using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using RecipeBot.Core.Channels;
using RecipeBot.Core.Meetings;

namespace RecipeBot.Reminders.Tests.Support;

/// <summary>A dispatcher on a fake clock, an in-memory store (unless given one), a recording channel and recording timers.</summary>
public sealed class DispatcherHarness
{
    public DispatcherHarness(
        string now,
        Action<ReminderOptions>? configure = null,
        IMeetingStore? store = null,
        string instanceId = "instance-a",
        FakeTimeProvider? time = null,
        RecordingSender? sender = null,
        ILogger<ReminderDispatcher>? logger = null)
    {
        Options = new ReminderOptions { InstanceId = instanceId };
        configure?.Invoke(Options);
        Time = time ?? new FakeTimeProvider(TestMeetings.Utc(now));
        Store = store ?? new InMemoryMeetingStore();
        Sender = sender ?? new RecordingSender();
        Planner = new NotificationPlanner(Options);
        Dispatcher = new ReminderDispatcher(
            Store,
            new ChannelSenders([Sender]),
            Dialogs.Messages,
            Planner,
            Timers,
            Microsoft.Extensions.Options.Options.Create(Options),
            Time,
            logger ?? NullLogger<ReminderDispatcher>.Instance);
    }

    public ReminderOptions Options { get; }

    public FakeTimeProvider Time { get; }

    public IMeetingStore Store { get; }

    public RecordingSender Sender { get; }

    public RecordingTimers Timers { get; } = new();

    public NotificationPlanner Planner { get; }

    public ReminderDispatcher Dispatcher { get; }

    public void SetNow(string now) => Time.SetUtcNow(TestMeetings.Utc(now));

    public async Task<Meeting> SaveAsync(Meeting meeting)
    {
        await Store.SaveAsync(meeting, CancellationToken.None);
        return meeting;
    }

    public ValueTask<DateTimeOffset?> DispatchAsync(Meeting meeting) => Dispatcher.DispatchMeetingAsync(meeting.Id, CancellationToken.None);

    public ValueTask<NotificationStatus?> StatusAsync(Meeting meeting, string occurrence, string kind) =>
        Store.GetStatusAsync(NotificationKeys.Meeting(meeting.Id, TestMeetings.Utc(occurrence), kind), CancellationToken.None);
}
