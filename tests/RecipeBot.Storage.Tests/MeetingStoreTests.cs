using Microsoft.Data.Sqlite;
using RecipeBot.Core.Conversations;
using RecipeBot.Core.Engine;
using RecipeBot.Core.Meetings;
using RecipeBot.Core.Outbox;
using RecipeBot.Storage.Postgres;
using RecipeBot.Storage.Sqlite;
using RecipeBot.Storage.Tests.Contracts;
using RecipeBot.Storage.Tests.Support;
using RecipeBot.Tests.Postgres;

namespace RecipeBot.Storage.Tests;

/// <summary>The meeting contract on a real SQLite file (each opening a restarted bot or a second instance), plus how the file stores instants.</summary>
public sealed class SqliteMeetingStoreTests : MeetingStoreContract, IDisposable
{
    private readonly SqliteTestFile _file = new();

    public void Dispose() => _file.Dispose();

    protected override IMeetingStore Open() => new SqliteMeetingStore(_file.Open());

    protected override (IMeetingStore Store, IOutboxStore Outbox) OpenWithOutbox()
    {
        var database = _file.Open();
        return (new SqliteMeetingStore(database), new SqliteConversationStore(database));
    }

    [Fact]
    public async Task Instants_AreStoredAsUtcText_SoTextOrderIsTimeOrder()
    {
        var store = Open();
        await store.SaveNextStepAsync(new NextStep("telegram:7", "contact/trust", new DateTimeOffset(2026, 12, 8, 18, 0, 0, TimeSpan.FromHours(2)), "et"), CancellationToken.None);
        await store.TryClaimAsync("k", "w", Now, NotificationStatus.SentLate, Now, CancellationToken.None);

        using var connection = new SqliteConnection($"Data Source={_file.Path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT (SELECT due_at FROM next_steps), (SELECT status FROM notification_ledger)";
        using var reader = command.ExecuteReader();
        reader.Read();

        Assert.Equal("2026-12-08T16:00:00.0000000Z", reader.GetString(0));
        Assert.Equal("sent-late", reader.GetString(1));
    }
}

/// <summary>The meeting contract on PostgreSQL (each opening another instance with its own connection pool).</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresMeetingStoreTests(PostgresServer server) : MeetingStoreContract, IDisposable
{
    private readonly PostgresTestDatabase _database = new(server);

    public void Dispose() => _database.Dispose();

    protected override IMeetingStore Open() => new PostgresMeetingStore(_database.Open());

    protected override (IMeetingStore Store, IOutboxStore Outbox) OpenWithOutbox()
    {
        var database = _database.Open();
        return (new PostgresMeetingStore(database), new PostgresConversationStore(database));
    }
}

/// <summary>The reference implementation keeps the same contract as the database stores.</summary>
public sealed class InMemoryMeetingStoreTests : MeetingStoreContract
{
    private readonly InMemoryMeetingStore _store = new();

    protected override IMeetingStore Open() => _store;

    protected override (IMeetingStore Store, IOutboxStore Outbox) OpenWithOutbox()
    {
        var outbox = new InMemoryConversationStore();
        return (new InMemoryMeetingStore(outbox), outbox);
    }

    [Fact]
    public async Task WithoutAnOutbox_QueueingFails_AndLeavesTheKeyPending()
    {
        var store = Open();
        await store.TryClaimAsync("k", "w", Now, NotificationStatus.Pending, Now, CancellationToken.None);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => store.QueueAsync("k", NotificationStatus.Sent, Now, new OutgoingMessage("test:1", "Reminder", [], [], "s", "en"), CancellationToken.None).AsTask());

        Assert.Equal("This meeting store has no outbox to queue reminders in.", error.Message);
        Assert.Equal(NotificationStatus.Pending, await store.GetStatusAsync("k", CancellationToken.None));
    }
}
