using Microsoft.Data.Sqlite;
using RecipeBot.Core.Conversations;
using RecipeBot.Core.Engine;
using RecipeBot.Storage.Sqlite;

namespace RecipeBot.Storage.Tests;

/// <summary>Turns waiting for the file at the same moment share one transaction; each still fails or succeeds alone.</summary>
public sealed class GroupCommitTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "recipebot-group-" + Guid.NewGuid().ToString("N"));
    private readonly List<SqliteDatabase> _databases = [];
    private readonly SqliteDatabase _database;
    private readonly SqliteConversationStore _store;

    public GroupCommitTests()
    {
        _database = Open();
        _store = new SqliteConversationStore(_database);
    }

    private string DatabasePath => Path.Combine(_directory, "bot.db");

    public void Dispose()
    {
        _databases.ForEach(d => d.Dispose());
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task TurnsQueuedWhileTheFileIsBusy_AreCommittedTogether_AndAllReadBackAfterAReopen()
    {
        var saves = await WhileBusyAsync(() => Enumerable.Range(0, 100).Select(i => Save($"telegram:{i}")).ToList());

        await Task.WhenAll(saves);
        Assert.Equal(1, _database.Commits);
        var reopened = new SqliteConversationStore(Open());
        for (var i = 0; i < 100; i++)
        {
            Assert.NotNull(await reopened.LoadAsync($"telegram:{i}", CancellationToken.None));
        }

        var rows = await reopened.PendingAsync("telegram:", 0, 1000, DateTimeOffset.MaxValue, CancellationToken.None);
        Assert.Equal(100, rows.Count);
        Assert.Equal(Enumerable.Range(0, 100).Select(i => $"telegram:{i}"), rows.Select(r => r.Message.ConversationId));
    }

    [Fact]
    public async Task MoreWritesThanOneTransactionTakes_AreAllCommitted_InSeveralTransactions()
    {
        var saves = await WhileBusyAsync(() => Enumerable.Range(0, 600).Select(i => Save($"telegram:{i}")).ToList());

        await Task.WhenAll(saves);
        Assert.InRange(_database.Commits, 3, 600);
        var rows = await new SqliteConversationStore(Open()).PendingAsync("telegram:", 0, 1000, DateTimeOffset.MaxValue, CancellationToken.None);
        Assert.Equal(600, rows.Count);
    }

    [Fact]
    public async Task AWriteThatFails_FailsAlone_AndTheOthersInItsTransactionAreKept()
    {
        RefuseConversation("telegram:13");

        var saves = await WhileBusyAsync(() => Enumerable.Range(0, 20).Select(i => Save($"telegram:{i}")).ToList());

        var refused = await Assert.ThrowsAsync<SqliteException>(() => saves[13]);
        Assert.Contains("disk says no", refused.Message, StringComparison.Ordinal);
        await Task.WhenAll(saves.Where((_, i) => i != 13));
        var reopened = new SqliteConversationStore(Open());
        Assert.Null(await reopened.LoadAsync("telegram:13", CancellationToken.None));
        var rows = await reopened.PendingAsync("telegram:", 0, 1000, DateTimeOffset.MaxValue, CancellationToken.None);
        Assert.Equal(19, rows.Count);
        Assert.DoesNotContain(rows, r => r.Message.ConversationId == "telegram:13");
    }

    [Fact]
    public async Task AWriteGivenUpBeforeItsTurn_IsNeverWritten()
    {
        using var giveUp = new CancellationTokenSource();
        Task? abandoned = null;
        var saves = await WhileBusyAsync(() =>
        {
            abandoned = Save("telegram:1", giveUp.Token);
            giveUp.Cancel();
            // Its caller has given up while the file was still busy.
            ((IAsyncResult)abandoned).AsyncWaitHandle.WaitOne();
            return [Save("telegram:2")];
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => abandoned!);
        await Task.WhenAll(saves);
        var reopened = new SqliteConversationStore(Open());
        Assert.Null(await reopened.LoadAsync("telegram:1", CancellationToken.None));
        Assert.NotNull(await reopened.LoadAsync("telegram:2", CancellationToken.None));
    }

    private Task Save(string id, CancellationToken cancellationToken = default)
    {
        var conversation = new Conversation(id, "et", "start", DateTimeOffset.UnixEpoch);
        var reply = new OutgoingMessage(id, "Tere!", [], [], "start", "et");
        return _store.SaveAsync(conversation, [reply], cancellationToken).AsTask();
    }

    /// <summary>Holds the file (a long read) while <paramref name="start"/> queues writes; then lets go.</summary>
    private async Task<List<Task>> WhileBusyAsync(Func<List<Task>> start)
    {
        using var entered = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var busy = Task.Run(async () => await _database.UseAsync(
            () =>
            {
                entered.Set();
                release.Wait();
            },
            CancellationToken.None));
        entered.Wait();
        var writes = start();
        Assert.All(writes, w => Assert.False(w.IsCompleted));
        release.Set();
        await busy;
        return writes;
    }

    private void RefuseConversation(string id)
    {
        using var connection = new SqliteConnection($"Data Source={DatabasePath}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"CREATE TRIGGER refuse BEFORE INSERT ON conversations WHEN NEW.id = '{id}' BEGIN SELECT RAISE(ABORT, 'disk says no'); END;";
        command.ExecuteNonQuery();
    }

    private SqliteDatabase Open()
    {
        var database = new SqliteDatabase(DatabasePath);
        _databases.Add(database);
        return database;
    }
}
