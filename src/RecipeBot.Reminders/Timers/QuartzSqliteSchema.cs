using Microsoft.Data.Sqlite;

namespace RecipeBot.Reminders.Timers;

/// <summary>
/// Creates Quartz's tables in the bot's SQLite file (our own script, <c>quartz-sqlite.sql</c>) before
/// the scheduler first touches them. Once per process; a no-op for the in-memory store.
/// </summary>
public sealed class QuartzSqliteSchema : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile bool _created;

    /// <param name="connectionString">Quartz's connection string, or null when Quartz keeps its timers in memory.</param>
    public QuartzSqliteSchema(string? connectionString)
    {
        ConnectionString = connectionString;
    }

    public string? ConnectionString { get; }

    /// <summary>
    /// The connection string Quartz uses for <paramref name="sqlitePath"/>. The bot's own connection holds the
    /// same file open and writes to it, so a busy database is waited for (Microsoft.Data.Sqlite retries for
    /// the default timeout) rather than failing the scheduler's transaction at once.
    /// </summary>
    public static string ConnectionStringFor(string sqlitePath) => new SqliteConnectionStringBuilder
    {
        DataSource = Path.GetFullPath(sqlitePath),
        Mode = SqliteOpenMode.ReadWriteCreate,
        Pooling = true,
        DefaultTimeout = 30,
    }.ToString();

    public async ValueTask EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        if (_created || ConnectionString is null)
        {
            return;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_created)
            {
                await CreateAsync(ConnectionString, cancellationToken).ConfigureAwait(false);
                _created = true;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private static async Task CreateAsync(string connectionString, CancellationToken cancellationToken)
    {
        var path = new SqliteConnectionStringBuilder(connectionString).DataSource;
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        var connection = new SqliteConnection(connectionString);
        await using (connection.ConfigureAwait(false))
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            // The same journal mode as the bot's own connection (SqliteDatabase), whoever opens the file first.
            await ExecuteAsync(connection, null, "PRAGMA journal_mode = WAL;", cancellationToken).ConfigureAwait(false);
            var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                await ExecuteAsync(connection, transaction, Script(), cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static async Task ExecuteAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        var command = connection.CreateCommand();
        await using (command.ConfigureAwait(false))
        {
            command.Transaction = transaction;
            command.CommandText = sql;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    internal static string Script()
    {
        using var stream = typeof(QuartzSqliteSchema).Assembly.GetManifestResourceStream("RecipeBot.Reminders.quartz-sqlite.sql")
            ?? throw new InvalidOperationException("The embedded Quartz schema script is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
