using System.Collections.Concurrent;
using Npgsql;
using RecipeBot.Core.Meetings;
using RecipeBot.Scheduling;
using RecipeBot.Storage.Postgres;
using RecipeBot.Tests.Postgres;
using Xunit.Abstractions;

namespace RecipeBot.EndToEnd.Tests.Crash;

/// <summary>
/// 1,000 meetings in 1,000 Telegram chats, each with a reminder due in the same minute, served by three instances on
/// one PostgreSQL (clustered Quartz, one ledger, one outbox); one instance is killed with SIGKILL while they send.
/// Every reminder reaches its chat, and a chat gets it twice only if the dead instance had it in hand when it died.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ReminderClusterTests(PostgresServer server, ITestOutputHelper output)
{
    private const int Meetings = 1000;
    private const long FirstChat = 720_000_000L;
    // Long enough that a reminder fired late by a slow start is still sent (a reminder later than its lead is skipped).
    private const int LeadMinutes = 10;

    [SkippableFact]
    public async Task AThousandRemindersDueInOneMinute_ThreeInstances_OneKilled_EveryOneSent_OnlyWhatTheDeadHeldTwice()
    {
        var connectionString = server.CreateDatabase();
        var due = await SeedAsync(connectionString);
        var received = new ConcurrentDictionary<long, int>();
        using var arrived = new SemaphoreSlim(0);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));

        await using var run = await ClusterRun.StartAsync(webhook: true, connectionString, users: 0, steps: 0, new Dictionary<string, string>
        {
            ["Reminders__LeadTimes__0"] = LeadMinutes + "m",
            // Short enough for a test: a dead instance's outbox rows and pending ledger claims are taken over sooner.
            ["Storage__ClaimLease"] = "00:00:10",
            ["Reminders__PendingTimeout"] = "00:00:20",
            ["Reminders__RetryDelay"] = "00:00:05",
        });
        run.Api.Respond("sendMessage", request =>
        {
            if (request.Int64Parameter("chat_id") is { } chat && chat is >= FirstChat and < FirstChat + Meetings)
            {
                received.AddOrUpdate(chat, 1, (_, count) => count + 1);
                arrived.Release();
            }

            return null;
        });

        // Killed as the reminders start to arrive: the instances are still firing timers and queueing, and each holds
        // outbox rows it is sending.
        for (var i = 0; i < 10; i++)
        {
            await arrived.WaitAsync(timeout.Token);
        }

        run.Kill(0);
        var killedAt = DateTimeOffset.UtcNow;
        var dead = ClusterRun.InstanceId(0);
        // What it had in hand, frozen by its death: timers fired or acquired (run again elsewhere, their job requests
        // recovery), ledger claims never queued (taken over after the pending timeout), outbox rows (after the lease).
        // Only the outbox rows can be sent twice, if Telegram took one before the dead instance could delete it.
        var timers = await ScalarAsync(connectionString, "SELECT count(*) FROM qrtz_fired_triggers WHERE instance_name = $1", dead);
        var claims = await ScalarAsync(connectionString, "SELECT count(*) FROM notification_ledger WHERE owner_id = $1 AND status = 'pending'", dead);
        var inHand = await ScalarAsync(connectionString, "SELECT count(*) FROM outbox WHERE claimed_by = $1", dead);
        try
        {
            await SettledAsync(connectionString, received, timeout.Token);
        }
        catch (OperationCanceledException)
        {
            output.WriteLine("not settled within five minutes");
        }

        var lost = Meetings - received.Count;
        var duplicates = received.Values.Sum(count => count - 1);
        var sent = await ScalarAsync(connectionString, "SELECT count(*) FROM notification_ledger WHERE status IN ('sent', 'sent-late')");
        output.WriteLine(
            $"{Meetings} reminders due at {due:HH:mm} UTC, three instances, one killed after 10 arrived holding {timers} fired timers, {claims} pending claims " +
            $"and {inHand} outbox rows: {received.Count} chats reached, {lost} lost, {duplicates} duplicates, ledger {sent} sent, " +
            $"all settled {(DateTimeOffset.UtcNow - killedAt).TotalSeconds:0} s after the kill");
        Assert.True(timers + claims + inHand > 0, "The killed instance held no work: the kill tested nothing.");
        Assert.True(lost == 0, $"{lost} reminders never arrived.\n{run.Log}");
        Assert.Equal(Meetings, sent);
        Assert.True(duplicates <= inHand, $"{duplicates} duplicates, but the dead instance held only {inHand} outbox rows.");
    }

    /// <summary>Makes the schema and 1,000 one-off meetings whose reminders fall due at one minute, 50–110 s from now; returns it.</summary>
    private static async Task<DateTimeOffset> SeedAsync(string connectionString)
    {
        var now = DateTimeOffset.UtcNow;
        var due = new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerMinute), TimeSpan.Zero).AddMinutes(1);
        if (due - now < TimeSpan.FromSeconds(50))
        {
            due = due.AddMinutes(1);
        }

        var start = TimeZoneInfo.ConvertTime(due.AddMinutes(LeadMinutes), TimeZoneInfo.FindSystemTimeZoneById(MeetingSchedule.DefaultTimeZone));
        await using var database = new PostgresDatabase(connectionString, "seed");
        database.Migrate();
        var store = new PostgresMeetingStore(database);
        var schedule = new MeetingSchedule(string.Empty, TimeOnly.FromDateTime(start.DateTime), DateOnly.FromDateTime(start.DateTime));
        await Parallel.ForAsync(0, Meetings, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, token) =>
            await store.SaveAsync(
                new Meeting(Meeting.NewId(), "telegram:" + (FirstChat + i), null, schedule with { Title = "Ring " + i }, MeetingStatus.Active, "et", now, now),
                token));
        return due;
    }

    /// <summary>Waits until every chat has its reminder, the outbox is empty and no ledger claim is pending: nothing more can arrive.</summary>
    private static async Task SettledAsync(string connectionString, ConcurrentDictionary<long, int> received, CancellationToken cancellationToken)
    {
        using var tick = new PeriodicTimer(TimeSpan.FromMilliseconds(500));
        while (received.Count < Meetings
            || await ScalarAsync(connectionString, "SELECT (SELECT count(*) FROM outbox) + (SELECT count(*) FROM notification_ledger WHERE status = 'pending')") > 0)
        {
            await tick.WaitForNextTickAsync(cancellationToken);
        }
    }

    private static async Task<long> ScalarAsync(string connectionString, string sql, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
