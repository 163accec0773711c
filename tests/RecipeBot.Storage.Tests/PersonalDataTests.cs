using Microsoft.Extensions.Time.Testing;
using RecipeBot.Core.Conversations;
using RecipeBot.Core.Meetings;
using RecipeBot.Core.Privacy;
using RecipeBot.Storage.Memory;
using RecipeBot.Storage.Postgres;
using RecipeBot.Storage.Sqlite;
using RecipeBot.Storage.Tests.Contracts;
using RecipeBot.Storage.Tests.Support;
using RecipeBot.Tests.Postgres;

namespace RecipeBot.Storage.Tests;

public sealed class SqlitePersonalDataTests : PersonalDataContract, IDisposable
{
    private readonly SqliteTestFile _file = new();

    public void Dispose() => _file.Dispose();

    protected override Stores Open()
    {
        var database = _file.Open();
        var conversations = new SqliteConversationStore(database);
        var meetings = new SqliteMeetingStore(database);
        var channels = new SqliteChannelStore(database, conversations, new FakeTimeProvider(Now), meetings);
        var references = new SqliteConversationReferenceStore(database, TimeProvider.System);
        var transcripts = new SqliteTranscriptStore(database, TimeProvider.System);
        return new(conversations, channels, channels, references, meetings, transcripts, [conversations, channels, references, transcripts]);
    }
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresPersonalDataTests(PostgresServer server) : PersonalDataContract, IDisposable
{
    private readonly PostgresTestDatabase _database = new(server);

    public void Dispose() => _database.Dispose();

    protected override Stores Open()
    {
        var database = _database.Open();
        var conversations = new PostgresConversationStore(database);
        var meetings = new PostgresMeetingStore(database);
        var channels = new PostgresChannelStore(database, conversations, new FakeTimeProvider(Now), meetings);
        var references = new PostgresConversationReferenceStore(database, TimeProvider.System);
        var transcripts = new PostgresTranscriptStore(database, TimeProvider.System);
        return new(conversations, channels, channels, references, meetings, transcripts, [conversations, channels, references, transcripts]);
    }
}

public sealed class InMemoryPersonalDataTests : PersonalDataContract
{
    protected override Stores Open()
    {
        var conversations = new InMemoryConversationStore();
        var meetings = new InMemoryMeetingStore(conversations);
        var channels = new InMemoryChannelStore(conversations, meetings, new FakeTimeProvider(Now));
        var references = new InMemoryConversationReferenceStore();
        var transcripts = new InMemoryTranscriptStore();
        IPersonalDataSource[] sources = [conversations, channels, references, transcripts];
        return new(conversations, channels, channels, references, meetings, transcripts, sources);
    }
}
