namespace RecipeBot.Core.Channels;

/// <summary>
/// Chooses the one instance that may do something only one may do at a time (Telegram's long polling allows one
/// consumer). <see cref="AcquireAsync"/> returns when this instance holds the lead; the lead's token is cancelled
/// when it is lost (the database connection that held it broke), and disposing the lead gives it up.
/// </summary>
public interface ILeaderElection
{
    ValueTask<ILeadership> AcquireAsync(string name, CancellationToken cancellationToken);
}

/// <summary>A held lead: <see cref="Lost"/> is cancelled when another instance may have taken it.</summary>
public interface ILeadership : IAsyncDisposable
{
    CancellationToken Lost { get; }
}

/// <summary>One instance (SQLite, memory): it always leads.</summary>
public sealed class SingleInstanceElection : ILeaderElection, ILeadership
{
    public CancellationToken Lost => CancellationToken.None;

    public ValueTask<ILeadership> AcquireAsync(string name, CancellationToken cancellationToken) => ValueTask.FromResult<ILeadership>(this);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
