using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using RecipeBot.Core.Meetings;
using RecipeBot.Reminders.Tests.Support;
using RecipeBot.Storage.Sqlite;
using static RecipeBot.Reminders.Tests.Support.TestMeetings;

namespace RecipeBot.Reminders.Tests;

/// <summary>
/// A reminder's ledger key and its outbox row in one SQLite file: written together or not at all, so the key is
/// either Pending (the dispatcher queues it again) or in the outbox (which delivers it), never lost in between.
/// </summary>
public sealed class SqliteOutboxTransactionTests : IDisposable
{
    private const string Occurrence = "2026-03-10T16:00Z";

    private readonly TempDatabase _file = new();

    [Fact]
    public async Task OutboxInsertFailing_LeavesTheKeyPending_AndTheRetryQueuesItOnce()
    {
        using var database = new SqliteDatabase(_file.Path);
        var time = new FakeTimeProvider(Utc("2026-03-10T15:00Z"));
        var harness = new DispatcherHarness("2026-03-10T15:00Z", o => o.LeadTimes = ["1h"], stores: HarnessStores.Sqlite(database, time), time: time);
        var meeting = await harness.SaveAsync(Monthly());
        // The insert fails after the ledger row was updated in the same transaction.
        Execute("CREATE TRIGGER outbox_full BEFORE INSERT ON outbox BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END");

        var retryAt = await harness.DispatchAsync(meeting);

        Assert.Equal(Utc("2026-03-10T15:01Z"), retryAt);
        Assert.Equal(NotificationStatus.Pending, await harness.StatusAsync(meeting, Occurrence, "lead-1h"));
        Assert.Equal(["pending"], Query("SELECT status FROM notification_ledger"));
        Assert.Empty(Query("SELECT conversation_id FROM outbox"));
        Assert.Empty(harness.Sender.Sent);

        Execute("DROP TRIGGER outbox_full");
        harness.SetNow("2026-03-10T15:01Z");
        await harness.DispatchAsync(meeting);
        await harness.DispatchAsync(meeting);

        Assert.Equal(Dialogs.Messages.Reminder(meeting, Utc(Occurrence), late: false).Text, Assert.Single(harness.Sender.Sent).Text);
        Assert.Equal(NotificationStatus.Sent, await harness.StatusAsync(meeting, Occurrence, "lead-1h"));
        Assert.Empty(Query("SELECT conversation_id FROM outbox"));
        Assert.Equal(Utc("2026-03-10T18:00Z"), harness.Timers.Meetings[meeting.Id]);
    }

    [Fact]
    public async Task AQueuedReminder_IsInTheLedgerAndTheOutboxTogether_AndIsSentOnceAfterARestart()
    {
        var time = new FakeTimeProvider(Utc("2026-03-10T15:00Z"));
        var meeting = Monthly();
        using (var database = new SqliteDatabase(_file.Path))
        {
            var before = new DispatcherHarness("2026-03-10T15:00Z", o => o.LeadTimes = ["1h"], stores: HarnessStores.Sqlite(database, time), time: time);
            await before.SaveAsync(meeting);

            // Queued, then the bot stops before the outbox sends it.
            await before.Dispatcher.DispatchMeetingAsync(meeting.Id, CancellationToken.None);
        }

        Assert.Equal(["sent"], Query("SELECT status FROM notification_ledger"));
        Assert.Equal([Conversation], Query("SELECT conversation_id FROM outbox"));

        time.SetUtcNow(Utc("2026-03-10T15:05Z"));
        using var reopened = new SqliteDatabase(_file.Path);
        var after = new DispatcherHarness("2026-03-10T15:05Z", o => o.LeadTimes = ["1h"], stores: HarnessStores.Sqlite(reopened, time), time: time);
        await after.CatchUpAsync();
        await after.DispatchAsync(meeting);

        Assert.Equal(Dialogs.Messages.Reminder(meeting, Utc(Occurrence), late: false).Text, Assert.Single(after.Sender.Sent).Text);
        Assert.Equal(NotificationStatus.Sent, await after.StatusAsync(meeting, Occurrence, "lead-1h"));
        Assert.Empty(Query("SELECT conversation_id FROM outbox"));
    }

    public void Dispose() => _file.Dispose();

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _file.Path, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    private void Execute(string sql)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private List<string> Query(string sql)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }
}
