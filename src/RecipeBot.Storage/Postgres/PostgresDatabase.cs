using Npgsql;
using RecipeBot.Storage.Migrations;

namespace RecipeBot.Storage.Postgres;

/// <summary>
/// The bot's PostgreSQL database: a pooled <see cref="NpgsqlDataSource"/>, a connection per operation and a
/// transaction per write. Several instances may share the database; what must happen once (a claim, a turn's rows)
/// is one statement or one transaction.
/// </summary>
public sealed class PostgresDatabase : IDisposable, IAsyncDisposable
{
    /// <summary>How long an instance's claim on an inbox or outbox row lasts unless renewed.</summary>
    public static readonly TimeSpan DefaultLease = TimeSpan.FromSeconds(30);

    /// <param name="instanceId">This instance's name in row claims; a new one per process when not given.</param>
    /// <param name="lease">How long a claim lasts unless renewed (<see cref="DefaultLease"/>).</param>
    public PostgresDatabase(string connectionString, string? instanceId = null, TimeSpan? lease = null)
        : this(NpgsqlDataSource.Create(connectionString), instanceId, lease)
    {
    }

    public PostgresDatabase(NpgsqlDataSource dataSource, string? instanceId = null, TimeSpan? lease = null)
    {
        DataSource = dataSource;
        InstanceId = string.IsNullOrWhiteSpace(instanceId) ? $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}" : instanceId;
        Lease = lease ?? DefaultLease;
    }

    public NpgsqlDataSource DataSource { get; }

    /// <summary>The name this instance writes into the inbox and outbox rows it claims.</summary>
    public string InstanceId { get; }

    /// <summary>How long a claim lasts; an instance renews its claims when half of it is left.</summary>
    public TimeSpan Lease { get; }

    /// <summary>Brings the schema up to date (see <see cref="SchemaMigrations"/>); returns the scripts applied now.</summary>
    public IReadOnlyList<string> Migrate() => SchemaMigrations.ApplyPostgres(DataSource);

    /// <summary>Runs <paramref name="work"/> on a connection of its own.</summary>
    internal async ValueTask<T> ReadAsync<T>(Func<NpgsqlConnection, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        var connection = await DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            return await work(connection, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Runs <paramref name="work"/> in a transaction of its own, committed when it returns.</summary>
    internal async ValueTask<T> WriteAndReturnAsync<T>(Func<NpgsqlConnection, NpgsqlTransaction, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        var connection = await DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                var result = await work(connection, transaction, cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return result;
            }
        }
    }

    /// <summary>As <see cref="WriteAndReturnAsync{T}"/>, for work that returns nothing.</summary>
    internal ValueTask WriteAsync(Func<NpgsqlConnection, NpgsqlTransaction, CancellationToken, Task> work, CancellationToken cancellationToken) =>
        new(WriteAndReturnAsync<bool>(
            async (connection, transaction, token) =>
            {
                await work(connection, transaction, token).ConfigureAwait(false);
                return true;
            },
            cancellationToken).AsTask());

    /// <summary>
    /// Runs <paramref name="erase"/> on the conversation's id in one transaction when the whole conversation is the
    /// subject's; a group member's erasure leaves the conversation's own rows alone.
    /// </summary>
    internal ValueTask EraseConversationAsync(
        RecipeBot.Core.Privacy.PersonalDataSubject subject, Func<NpgsqlConnection, NpgsqlTransaction, string, CancellationToken, Task> erase, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        return subject.WholeConversation
            ? WriteAsync((connection, transaction, token) => erase(connection, transaction, subject.ConversationId, token), cancellationToken)
            : ValueTask.CompletedTask;
    }

    /// <summary>One statement with positional parameters <c>$1</c>, <c>$2</c>, … (null is SQL NULL).</summary>
    internal static NpgsqlCommand Command(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, params object?[] values)
    {
        var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        }

        return command;
    }

    /// <summary>Runs one statement; returns the rows it touched.</summary>
    internal static async Task<int> ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, CancellationToken cancellationToken, params object?[] values)
    {
        var command = Command(connection, transaction, sql, values);
        await using (command.ConfigureAwait(false))
        {
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Runs one query and reads each row with <paramref name="read"/>.</summary>
    internal static async Task<List<T>> QueryAsync<T>(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, Func<NpgsqlDataReader, T> read, CancellationToken cancellationToken, params object?[] values)
    {
        var command = Command(connection, transaction, sql, values);
        await using (command.ConfigureAwait(false))
        {
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                var rows = new List<T>();
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    rows.Add(read(reader));
                }

                return rows;
            }
        }
    }

    /// <summary>PostgreSQL's <c>timestamptz</c> takes UTC only; the instant is the same.</summary>
    internal static DateTimeOffset Utc(DateTimeOffset value) => value.ToUniversalTime();

    internal static string? Text(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    internal static DateTimeOffset Instant(NpgsqlDataReader reader, int ordinal) => reader.GetFieldValue<DateTimeOffset>(ordinal);

    public void Dispose() => DataSource.Dispose();

    /// <summary>Gives this instance's claims back (a stopping instance's rows are taken at once, not after the lease), then closes the pool.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await PostgresClaims.ReleaseAsync(this, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            // The database is away: the claims run out with their lease.
        }

        await DataSource.DisposeAsync().ConfigureAwait(false);
    }
}
