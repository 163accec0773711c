using RecipeBot.Core.Tests;
using RecipeBot.Storage.Postgres;
using RecipeBot.Storage.Tests.Support;
using RecipeBot.Tests.Postgres;

namespace RecipeBot.Storage.Tests;

/// <summary>Two instances electing the Telegram poller on a real PostgreSQL.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresLeaderElectionTests(PostgresServer server) : IDisposable
{
    private static readonly TimeSpan Retry = TimeSpan.FromMilliseconds(100);
    private readonly PostgresTestDatabase _database = new(server);

    public void Dispose() => _database.Dispose();

    private PostgresLeaderElection Elector(string name) => new(_database.OpenInstance(name), TimeProvider.System, Retry);

    [SkippableFact]
    public async Task OneOfTwoLeads_AndWhenItsSessionDies_TheOtherTakesOver()
    {
        var first = await Elector("a").AcquireAsync("telegram:polling", CancellationToken.None);
        var second = Elector("b").AcquireAsync("telegram:polling", CancellationToken.None).AsTask();
        // Another election's name is free all the while.
        await using (await Elector("c").AcquireAsync("other", CancellationToken.None).AsTask().WaitAsync(TimeSpan.FromSeconds(10)))
        {
        }

        Assert.False(second.IsCompleted);
        Assert.False(first.Lost.IsCancellationRequested);

        // The leader's process dies: its session ends, and the lock with it.
        _database.Execute("SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND granted");

        await using var taken = await second.WaitAsync(TimeSpan.FromSeconds(10));
        await Eventually.WaitUntilAsync(() => first.Lost.IsCancellationRequested);
        Assert.False(taken.Lost.IsCancellationRequested);
        await first.DisposeAsync();
    }

    [SkippableFact]
    public async Task ALeaderThatGivesUp_LetsTheNextOneLead()
    {
        var first = await Elector("a").AcquireAsync("telegram:polling", CancellationToken.None);
        var second = Elector("b").AcquireAsync("telegram:polling", CancellationToken.None).AsTask();
        Assert.False(second.IsCompleted);

        await first.DisposeAsync();

        await using var taken = await second.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.False(taken.Lost.IsCancellationRequested);
    }
}
