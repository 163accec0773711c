using Microsoft.Data.Sqlite;

namespace RecipeBot.Storage.Sqlite;

/// <summary>
/// The bot's SQLite file: one long-lived connection with prepared statements, used one
/// operation at a time (SQLite has a single writer anyway). WAL with <c>synchronous=NORMAL</c>:
/// a crash of the bot loses nothing; only a power cut can lose the last moments. Writes that wait for the
/// connection at the same moment share one transaction (<see cref="WriteAsync(Action, CancellationToken, SqliteCommand[])"/>).
/// </summary>
public sealed partial class SqliteDatabase : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly List<SqliteCommand> _prepared = [];

    public SqliteDatabase(string path)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        FilePath = path;
        Connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            // A statement waits at most as long as busy_timeout below: a locked file is an error in seconds, not half a minute.
            DefaultTimeout = 5,
        }.ToString());
        Connection.Open();
        Execute("""
            PRAGMA journal_mode = WAL;
            PRAGMA synchronous = NORMAL;
            PRAGMA busy_timeout = 5000;
            """);
        // Creates the tables of a new file and upgrades one made by an earlier version.
        AppliedMigrations = Migrations.SchemaMigrations.ApplySqlite(Connection);
    }

    public string FilePath { get; }

    /// <summary>The schema scripts this opening applied (none when the file was up to date).</summary>
    public IReadOnlyList<string> AppliedMigrations { get; }

    internal SqliteConnection Connection { get; }

    /// <summary>Whether the file answers a query (the health check); waits for the connection like any read.</summary>
    internal async Task<bool> PingAsync(CancellationToken cancellationToken) =>
        await UseAsync(
            () =>
            {
                using var command = Connection.CreateCommand();
                command.CommandText = "SELECT count(*) FROM sqlite_master";
                command.ExecuteScalar();
                return true;
            },
            cancellationToken).ConfigureAwait(false);

    /// <summary>Runs <paramref name="work"/> alone on the connection.</summary>
    internal async ValueTask<T> UseAsync<T>(Func<T> work, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return work();
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Runs <paramref name="work"/> alone on the connection.</summary>
    internal async ValueTask UseAsync(Action work, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            work();
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Runs <paramref name="work"/> in one transaction over <paramref name="commands"/>; call inside <see cref="UseAsync(Action, CancellationToken)"/>.</summary>
    internal void InTransaction(Action work, params SqliteCommand[] commands)
    {
        using var transaction = Connection.BeginTransaction();
        try
        {
            foreach (var command in commands)
            {
                command.Transaction = transaction;
            }

            work();
            transaction.Commit();
        }
        finally
        {
            foreach (var command in commands)
            {
                command.Transaction = null;
            }
        }
    }

    /// <summary>
    /// Erases a whole conversation's rows: <paramref name="erase"/> with its id, in one transaction over
    /// <paramref name="commands"/>. Nothing for a group member: the conversation's rows are the group's, not theirs.
    /// </summary>
    internal ValueTask EraseConversationAsync(RecipeBot.Core.Privacy.PersonalDataSubject subject, Action<string> erase, SqliteCommand[] commands, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        return subject.WholeConversation
            ? UseAsync(() => InTransaction(() => erase(subject.ConversationId), commands), cancellationToken)
            : ValueTask.CompletedTask;
    }

    internal void Execute(string sql)
    {
        using var command = Connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    internal SqliteCommand Prepare(string sql, params string[] parameters)
    {
        var command = Connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name, Value = DBNull.Value });
        }

        command.Prepare();
        _prepared.Add(command);
        return command;
    }

    public void Dispose()
    {
        _prepared.ForEach(c => c.Dispose());
        Connection.Dispose();
        _gate.Dispose();
    }
}
