using Microsoft.Data.Sqlite;
using RecipeBot.Core.Meetings;
using RecipeBot.Core.Outbox;
using RecipeBot.Storage.Sqlite;

namespace RecipeBot.Storage.Tests;

/// <summary>The meeting contract on a real SQLite file, plus what only a file can show: restarts and other processes.</summary>
public sealed class SqliteMeetingStoreTests : MeetingStoreContract, IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("recipebot-meetings-").FullName;
    private readonly List<SqliteDatabase> _databases = [];

    private string DatabasePath => Path.Combine(_directory, "bot.db");

    public void Dispose()
    {
        _databases.ForEach(d => d.Dispose());
        Directory.Delete(_directory, recursive: true);
    }

    /// <summary>A new connection to the same file, as a restarted bot or a second instance would open it.</summary>
    protected override IMeetingStore Open()
    {
        var database = new SqliteDatabase(DatabasePath);
        _databases.Add(database);
        return new SqliteMeetingStore(database);
    }

    /// <summary>The meeting store opened first on a fresh file: it creates the outbox table it queues in.</summary>
    protected override (IMeetingStore Store, IOutboxStore Outbox) OpenWithOutbox()
    {
        var database = new SqliteDatabase(DatabasePath);
        _databases.Add(database);
        var store = new SqliteMeetingStore(database);
        return (store, new SqliteConversationStore(database));
    }

    [Fact]
    public async Task TwoInstancesOnOneFile_RacingForTheSameKeys_ClaimEachKeyExactlyOnce()
    {
        IMeetingStore[] instances = [Open(), Open()];

        // 200 claims of 50 keys, each key tried twice by each instance, all at once.
        var claims = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => Task.Run(async () =>
        {
            var key = $"m{i / 4}/20261208T1600Z/lead-1h";
            var owner = $"instance-{i % 2}/claim-{i}";
            var won = await instances[i % 2].TryClaimAsync(key, owner, Now, NotificationStatus.Pending, Now, CancellationToken.None);
            return (Key: key, Owner: owner, Won: won);
        })));

        var winners = claims.Where(c => c.Won).ToDictionary(c => c.Key, c => c.Owner);
        Assert.Equal(50, claims.Select(c => c.Key).Distinct().Count());
        Assert.All(claims.GroupBy(c => c.Key), g => Assert.Single(g, c => c.Won));
        var ledger = await instances[0].ListPendingAsync(CancellationToken.None);
        Assert.Equal(50, ledger.Count);
        Assert.All(ledger, entry => Assert.Equal(winners[entry.Key], entry.OwnerId));
    }

    [Fact]
    public async Task MeetingsNextStepsAndTheLedger_SurviveReopeningTheFile()
    {
        var meeting = NewMeeting("m1", "telegram:-42", Now);
        var step = new NextStep("telegram:7", "contact/trust", Now.AddDays(7), "ru");
        var before = Open();
        await before.SaveAsync(meeting, CancellationToken.None);
        await before.SaveNextStepAsync(step, CancellationToken.None);
        await before.TryClaimAsync("m1/20261208T1600Z/minutes", "w", Now, NotificationStatus.Pending, Now, CancellationToken.None);
        await before.TryClaimAsync("m1/20261208T1600Z/lead-1h", "w", Now, NotificationStatus.Pending, Now, CancellationToken.None);
        await before.CompleteAsync("m1/20261208T1600Z/lead-1h", NotificationStatus.Sent, Now, CancellationToken.None);
        _databases.ForEach(d => d.Dispose());
        _databases.Clear();

        var after = Open();

        Assert.Equal(meeting, await after.GetAsync("m1", CancellationToken.None));
        Assert.Equal([meeting], await after.ListActiveAsync(CancellationToken.None));
        Assert.Equal([step], await after.ListNextStepsAsync(CancellationToken.None));
        Assert.Equal(NotificationStatus.Sent, await after.GetStatusAsync("m1/20261208T1600Z/lead-1h", CancellationToken.None));
        Assert.Equal("m1/20261208T1600Z/minutes", Assert.Single(await after.ListPendingAsync(CancellationToken.None)).Key);
        Assert.False(await after.TryClaimAsync("m1/20261208T1600Z/minutes", "w2", Now, NotificationStatus.Pending, Now, CancellationToken.None));
    }

    [Fact]
    public async Task Move_KeepsTheTargetsNextStep_WhenBothConversationsHaveOne()
    {
        var store = Open();
        await store.SaveNextStepAsync(new NextStep("telegram:-42", "contact/trust", Now.AddDays(7), "et"), CancellationToken.None);
        await store.SaveNextStepAsync(new NextStep("telegram:-42", "contact/other", Now.AddDays(8), "et"), CancellationToken.None);
        await store.SaveNextStepAsync(new NextStep("telegram:-1001", "contact/trust", Now.AddDays(2), "ru"), CancellationToken.None);

        await store.MoveAsync("telegram:-42", "telegram:-1001", CancellationToken.None);

        Assert.Equal(
            [
                new NextStep("telegram:-1001", "contact/trust", Now.AddDays(2), "ru"),
                new NextStep("telegram:-1001", "contact/other", Now.AddDays(8), "et"),
            ],
            await store.ListNextStepsAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Instants_AreStoredAsUtcText_SoTextOrderIsTimeOrder()
    {
        var store = Open();
        await store.SaveNextStepAsync(new NextStep("telegram:7", "contact/trust", new DateTimeOffset(2026, 12, 8, 18, 0, 0, TimeSpan.FromHours(2)), "et"), CancellationToken.None);
        await store.TryClaimAsync("k", "w", Now, NotificationStatus.SentLate, Now, CancellationToken.None);

        using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT (SELECT due_at FROM next_steps), (SELECT status FROM notification_ledger)";
        using var reader = command.ExecuteReader();
        reader.Read();

        Assert.Equal("2026-12-08T16:00:00.0000000Z", reader.GetString(0));
        Assert.Equal("sent-late", reader.GetString(1));
    }
}
