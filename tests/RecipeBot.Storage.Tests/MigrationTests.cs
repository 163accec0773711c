using Microsoft.Extensions.Time.Testing;
using RecipeBot.Core.Meetings;
using RecipeBot.Storage.Postgres;
using RecipeBot.Storage.Sqlite;
using RecipeBot.Storage.Tests.Support;
using RecipeBot.Tests.Postgres;

namespace RecipeBot.Storage.Tests;

/// <summary>The schema as versioned scripts: a new SQLite file, the files existing users have, and their journal.</summary>
public sealed class SqliteMigrationTests : IDisposable
{
    private static readonly string[] AllScripts = ["0001_baseline.sql", "0002_legacy_columns", "0003_webchat_transcripts.sql", "0004_workbench.sql"];
    private readonly SqliteTestFile _file = new();

    public void Dispose() => _file.Dispose();

    [Fact]
    public void ANewFile_GetsEveryScript_AndOpeningItAgainAppliesNone()
    {
        Assert.Equal(AllScripts, _file.Open().AppliedMigrations);
        Assert.Empty(_file.Open().AppliedMigrations);
    }

    [Fact]
    public async Task AFileMadeBeforeMigrations_IsUpgradedInPlace_AndKeepsEveryRow()
    {
        _file.Execute(PreMigrationSchema.Sql);

        var database = _file.Open();
        var conversations = new SqliteConversationStore(database);
        var meetings = new SqliteMeetingStore(database);
        var channels = new SqliteChannelStore(database, conversations, new FakeTimeProvider(), meetings);

        Assert.Equal(AllScripts, database.AppliedMigrations);
        var conversation = await conversations.LoadAsync("telegram:7", CancellationToken.None);
        Assert.Equal(("activist", "Europe/Tallinn", 3), (conversation!.Role, conversation.TimeZone, conversation.Turns));
        Assert.Equal(["language", "role"], conversation.History);
        Assert.Equal("Tere!", Assert.Single(await conversations.PendingAsync("telegram:", 0, 10, DateTimeOffset.UtcNow, CancellationToken.None)).Message.Text);
        Assert.Equal(501, Assert.Single(await channels.PendingAsync("telegram", long.MinValue, 10, CancellationToken.None)).Sequence);
        Assert.False(await channels.IsActiveAsync("telegram:8", CancellationToken.None));
        Assert.Equal(502, await channels.GetAsync("telegram:offset", CancellationToken.None));
        Assert.Equal("https://smba.example/", (await new SqliteConversationReferenceStore(database, TimeProvider.System).FindAsync("teams:a:1", CancellationToken.None))!.ServiceUrl);
        Assert.Equal(MeetingStatus.Active, (await meetings.GetAsync("m1", CancellationToken.None))!.Status);
        Assert.Equal("m1/20261208T1600Z/lead-1h", Assert.Single(await meetings.ListPendingAsync(CancellationToken.None)).Key);
    }

    [Fact]
    public async Task AFileWhoseWorkbenchTablesTheStoresMadeAtStartUp_KeepsItsPlansCloseOutsAndActivity()
    {
        // Before 0004_workbench.sql the plan, close-out and activity stores created their tables when constructed.
        _file.Execute("""
            CREATE TABLE plans (conversation_id TEXT PRIMARY KEY, created_at TEXT NOT NULL, updated_at TEXT NOT NULL, plan TEXT NOT NULL);
            INSERT INTO plans VALUES ('telegram:-100', '2026-11-22T10:00:00.0000000Z', '2026-11-22T10:00:00.0000000Z',
                '{"conversationId":"telegram:-100","createdAt":"2026-11-22T10:00:00+00:00","updatedAt":"2026-11-22T10:00:00+00:00","commitments":[]}');
            CREATE TABLE meeting_close_outs (
                meeting_id TEXT NOT NULL, occurrence TEXT NOT NULL, conversation_id TEXT NOT NULL, closed_by TEXT NULL, step TEXT NOT NULL,
                minutes_link TEXT NULL, attendees INTEGER NULL, organisations TEXT NOT NULL, decisions TEXT NOT NULL, started_at TEXT NOT NULL,
                closed_at TEXT NULL, PRIMARY KEY (meeting_id, occurrence));
            INSERT INTO meeting_close_outs VALUES ('m1', '2026-11-20T16:00:00.0000000Z', 'telegram:-100', NULL, 'Closed', NULL, 9, '[]', '[]',
                '2026-11-20T18:00:00.0000000Z', NULL);
            CREATE TABLE activity (
                conversation_id TEXT NOT NULL, kind TEXT NOT NULL, subject TEXT NOT NULL, day TEXT NOT NULL, at TEXT NOT NULL,
                PRIMARY KEY (conversation_id, kind, subject, day));
            INSERT INTO activity VALUES ('telegram:-100', 'situation-diagnosed', 'contact/no-partners', '2026-11-20', '2026-11-20T09:00:00.0000000Z');
            """);

        var database = _file.Open();

        Assert.Equal(AllScripts, database.AppliedMigrations);
        Assert.Equal("telegram:-100", (await new SqlitePlanStore(database).GetAsync("telegram:-100", CancellationToken.None))!.ConversationId);
        var occurrence = new DateTimeOffset(2026, 11, 20, 16, 0, 0, TimeSpan.Zero);
        Assert.Equal(9, (await new SqliteCloseOutStore(database).GetAsync("m1", occurrence, CancellationToken.None))!.Attendees);
        Assert.Equal("contact/no-partners", Assert.Single(await new SqliteActivityLog(database).ListAsync("telegram:-100", CancellationToken.None)).Subject);
    }

    [Fact]
    public async Task AFileFromBeforeMeetings_GainsTheNewColumnsAndTables_AndKeepsItsConversations()
    {
        _file.Execute("""
            CREATE TABLE conversations (
                id TEXT PRIMARY KEY, language TEXT NOT NULL, role TEXT NULL, phase TEXT NULL, state TEXT NOT NULL,
                history TEXT NOT NULL, situations_seen TEXT NOT NULL, recipes_given TEXT NOT NULL,
                turns INTEGER NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
            INSERT INTO conversations (id, language, state, history, situations_seen, recipes_given, turns, created_at, updated_at)
            VALUES ('telegram:7', 'ru', 'contact', '', '', '', 3, '2026-01-01T00:00:00.0000000+00:00', '2026-01-01T00:00:00.0000000+00:00');
            """);

        var store = new SqliteConversationStore(_file.Open());
        var old = await store.LoadAsync("telegram:7", CancellationToken.None);
        old!.TimeZone = "Europe/Tallinn";
        old.Deliveries.Add("9001");
        await store.SaveAsync(old, [], CancellationToken.None);
        var reloaded = await new SqliteConversationStore(_file.Open()).LoadAsync("telegram:7", CancellationToken.None);

        Assert.Null(old.Draft);
        Assert.Equal(("contact", 0, 0), (old.State, old.Misses, old.Failures));
        Assert.Equal("Europe/Tallinn", reloaded!.TimeZone);
        Assert.Equal(["9001"], reloaded.Deliveries);
        Assert.Null(await new SqliteMeetingStore(_file.Open()).GetAsync("m1", CancellationToken.None));
    }
}

/// <summary>The PostgreSQL scripts on an empty database, and instances that start together.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresMigrationTests(PostgresServer server) : IDisposable
{
    private readonly PostgresTestDatabase _database = new(server, migrated: false);

    public void Dispose() => _database.Dispose();

    [SkippableFact]
    public void AnEmptyDatabase_GetsEveryScript_AndASecondRunAppliesNone()
    {
        Assert.Equal(["0001_initial.sql", "0002_webchat_transcripts.sql", "0003_workbench.sql", "0004_row_claims.sql", "0005_quartz.sql"], _database.Open().Migrate());
        Assert.Empty(_database.Open().Migrate());
    }

    [SkippableFact]
    public async Task InstancesStartingTogether_ApplyEachScriptOnce()
    {
        var instances = Enumerable.Range(0, 4).Select(_ => _database.Open()).ToList();

        var applied = await Task.WhenAll(instances.Select(instance => Task.Run(instance.Migrate)));

        Assert.Equal(["0001_initial.sql", "0002_webchat_transcripts.sql", "0003_workbench.sql", "0004_row_claims.sql", "0005_quartz.sql"], applied.SelectMany(scripts => scripts));
        await new PostgresConversationStore(instances[0]).AddAsync([new("telegram:1", "Tere!", [], [], "start", "et")], CancellationToken.None);
    }
}
