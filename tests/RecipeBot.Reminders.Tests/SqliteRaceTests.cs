using Microsoft.Extensions.Time.Testing;
using RecipeBot.Core.Meetings;
using RecipeBot.Reminders.Tests.Support;
using RecipeBot.Storage.Sqlite;
using static RecipeBot.Reminders.Tests.Support.TestMeetings;

namespace RecipeBot.Reminders.Tests;

/// <summary>Two instances, each with its own connection to one SQLite file, dispatching the same meeting at the same moment.</summary>
public sealed class SqliteRaceTests : IDisposable
{
    private readonly TempDatabase _file = new();

    [Fact]
    public async Task TwoDispatchersRacing_OnOneFile_SendEachNotificationOnce()
    {
        using var databaseA = new SqliteDatabase(_file.Path);
        using var databaseB = new SqliteDatabase(_file.Path);
        var time = new FakeTimeProvider(Utc("2026-03-09T08:00Z"));
        var sender = new RecordingSender();
        var a = new DispatcherHarness("2026-03-09T08:00Z", stores: HarnessStores.Sqlite(databaseA, time), instanceId: "instance-a", time: time, sender: sender);
        var b = new DispatcherHarness("2026-03-09T08:00Z", stores: HarnessStores.Sqlite(databaseB, time), instanceId: "instance-b", time: time, sender: sender);
        var meetings = Enumerable.Range(0, 8).Select(i => Monthly($"race{i:D6}", $"test:group-{i}")).ToList();
        foreach (var meeting in meetings)
        {
            await a.SaveAsync(meeting);
        }

        foreach (var now in new[] { "2026-03-09T08:00Z", "2026-03-10T15:00Z", "2026-03-10T18:00Z" })
        {
            time.SetUtcNow(Utc(now));
            await Task.WhenAll(meetings.SelectMany(m => new[]
            {
                Task.Run(async () => await a.Dispatcher.DispatchMeetingAsync(m.Id, CancellationToken.None)),
                Task.Run(async () => await b.Dispatcher.DispatchMeetingAsync(m.Id, CancellationToken.None)),
                Task.Run(async () => await b.Dispatcher.CatchUpAsync(CancellationToken.None)),
            }));
        }

        // Each notification is one row in the file's outbox, whichever instance queued it; one sender drains it.
        Assert.Equal(meetings.Count * 3, (await a.OutboxRowsAsync()).Count);
        await a.FlushAsync();
        Assert.Equal(meetings.Count * 3, sender.Sent.Count);
        Assert.All(sender.Sent.GroupBy(m => m.ConversationId), conversation => Assert.Equal(3, conversation.Count()));
        foreach (var meeting in meetings)
        {
            Assert.Equal(NotificationStatus.Sent, await a.StatusAsync(meeting, "2026-03-10T16:00Z", "lead-1h"));
        }
    }

    public void Dispose() => _file.Dispose();
}
