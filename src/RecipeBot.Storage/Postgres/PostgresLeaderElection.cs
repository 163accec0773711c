using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using RecipeBot.Core.Channels;

namespace RecipeBot.Storage.Postgres;

/// <summary>
/// Election through a session-level PostgreSQL advisory lock held on a connection of its own: the instance whose
/// <c>pg_try_advisory_lock</c> succeeds leads until its session ends. The others try again every
/// <paramref name="retry"/>; when the leader dies its session, and so the lock, goes with it, and one of them takes
/// over at its next try. The leader checks its connection every <paramref name="retry"/> too and gives up the lead
/// (cancels <see cref="ILeadership.Lost"/>) when the connection broke.
/// </summary>
public sealed partial class PostgresLeaderElection(PostgresDatabase database, TimeProvider time, TimeSpan? retry = null, ILogger<PostgresLeaderElection>? logger = null)
    : ILeaderElection
{
    /// <summary>How often a follower tries the lock, and a leader checks its connection.</summary>
    public static readonly TimeSpan DefaultRetry = TimeSpan.FromSeconds(10);

    private readonly TimeSpan _retry = retry ?? DefaultRetry;
    private readonly ILogger _logger = logger ?? NullLogger<PostgresLeaderElection>.Instance;

    public async ValueTask<ILeadership> AcquireAsync(string name, CancellationToken cancellationToken)
    {
        while (true)
        {
            NpgsqlConnection? connection = null;
            try
            {
                connection = await database.DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
                var command = new NpgsqlCommand("SELECT pg_try_advisory_lock(hashtext($1))", connection) { Parameters = { new() { Value = name } } };
                await using (command.ConfigureAwait(false))
                {
                    if (await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is true)
                    {
                        LogLeading(name, database.InstanceId);
                        return new Lead(connection, name, _retry, time);
                    }
                }
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException)
            {
                LogTryFailed(e, name);
            }

            if (connection is not null)
            {
                await connection.DisposeAsync().ConfigureAwait(false);
            }

            await Task.Delay(_retry, time, cancellationToken).ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "This instance ({Instance}) now leads {Name}")]
    private partial void LogLeading(string name, string instance);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not try the lead of {Name}; trying again")]
    private partial void LogTryFailed(Exception exception, string name);

    /// <summary>The lock's connection, watched until the lead is given up.</summary>
    private sealed class Lead : ILeadership
    {
        private readonly NpgsqlConnection _connection;
        private readonly string _name;
        private readonly CancellationTokenSource _lost = new();
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _watch;

        public Lead(NpgsqlConnection connection, string name, TimeSpan every, TimeProvider time)
        {
            _connection = connection;
            _name = name;
            _watch = WatchAsync(every, time);
        }

        public CancellationToken Lost => _lost.Token;

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync().ConfigureAwait(false);
            await _watch.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            try
            {
                var unlock = new NpgsqlCommand("SELECT pg_advisory_unlock(hashtext($1))", _connection) { Parameters = { new() { Value = _name } } };
                await using (unlock.ConfigureAwait(false))
                {
                    await unlock.ExecuteScalarAsync(CancellationToken.None).ConfigureAwait(false);
                }
            }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException or TimeoutException)
            {
                // The session is gone, and the lock with it.
            }

            await _connection.DisposeAsync().ConfigureAwait(false);
            _lost.Dispose();
            _stop.Dispose();
        }

        private async Task WatchAsync(TimeSpan every, TimeProvider time)
        {
            try
            {
                while (true)
                {
                    await Task.Delay(every, time, _stop.Token).ConfigureAwait(false);
                    var ping = new NpgsqlCommand("SELECT 1", _connection);
                    await using (ping.ConfigureAwait(false))
                    {
                        await ping.ExecuteScalarAsync(_stop.Token).ConfigureAwait(false);
                    }
                }
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
            }
            catch (Exception)
            {
                // The connection broke: the lock may be another instance's by now.
                await _lost.CancelAsync().ConfigureAwait(false);
            }
        }
    }
}
