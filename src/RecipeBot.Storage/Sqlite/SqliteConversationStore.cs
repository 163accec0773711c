using System.Globalization;
using Microsoft.Data.Sqlite;
using RecipeBot.Core.Conversations;

namespace RecipeBot.Storage.Sqlite;

/// <summary>
/// Conversations in one SQLite file: one row per conversation, written once per turn.
/// One long-lived connection with prepared statements, used one turn at a time (SQLite has a
/// single writer anyway). WAL with <c>synchronous=NORMAL</c>: a crash of the bot loses nothing;
/// only a power cut can lose the last moments. Lists are stored one id per line (ids never
/// contain line breaks).
/// </summary>
public sealed class SqliteConversationStore : IConversationStore, IDisposable
{
    private const string Columns = "language, role, phase, state, history, situations_seen, recipes_given, turns, created_at, updated_at";

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _load;
    private readonly SqliteCommand _save;

    public SqliteConversationStore(string databasePath)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(databasePath));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        _connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            DefaultTimeout = 30,
        }.ToString());
        _connection.Open();
        Execute("""
            PRAGMA journal_mode = WAL;
            PRAGMA synchronous = NORMAL;
            PRAGMA busy_timeout = 5000;
            CREATE TABLE IF NOT EXISTS conversations (
                id              TEXT PRIMARY KEY,
                language        TEXT NOT NULL,
                role            TEXT NULL,
                phase           TEXT NULL,
                state           TEXT NOT NULL,
                history         TEXT NOT NULL,
                situations_seen TEXT NOT NULL,
                recipes_given   TEXT NOT NULL,
                turns           INTEGER NOT NULL,
                created_at      TEXT NOT NULL,
                updated_at      TEXT NOT NULL
            );
            """);

        _load = Prepare($"SELECT {Columns} FROM conversations WHERE id = $id", "$id");
        _save = Prepare(
            $"""
            INSERT INTO conversations (id, {Columns})
            VALUES ($id, $language, $role, $phase, $state, $history, $seen, $given, $turns, $created, $updated)
            ON CONFLICT (id) DO UPDATE SET
                language = excluded.language, role = excluded.role, phase = excluded.phase, state = excluded.state,
                history = excluded.history, situations_seen = excluded.situations_seen,
                recipes_given = excluded.recipes_given, turns = excluded.turns, updated_at = excluded.updated_at
            """,
            "$id", "$language", "$role", "$phase", "$state", "$history", "$seen", "$given", "$turns", "$created", "$updated");
    }

    public async ValueTask<Conversation?> LoadAsync(string conversationId, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _load.Parameters[0].Value = conversationId;
            using var reader = _load.ExecuteReader();
            if (!reader.Read())
            {
                return null;
            }

            return new Conversation(conversationId, reader.GetString(0), reader.GetString(3), ParseInstant(reader.GetString(8)))
            {
                Role = reader.IsDBNull(1) ? null : reader.GetString(1),
                Phase = reader.IsDBNull(2) ? null : reader.GetString(2),
                History = Split(reader.GetString(4)),
                SituationsSeen = Split(reader.GetString(5)),
                RecipesGiven = Split(reader.GetString(6)),
                Turns = reader.GetInt32(7),
                UpdatedAt = ParseInstant(reader.GetString(9)),
            };
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask SaveAsync(Conversation conversation, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var p = _save.Parameters;
            p[0].Value = conversation.Id;
            p[1].Value = conversation.Language;
            p[2].Value = (object?)conversation.Role ?? DBNull.Value;
            p[3].Value = (object?)conversation.Phase ?? DBNull.Value;
            p[4].Value = conversation.State;
            p[5].Value = string.Join('\n', conversation.History);
            p[6].Value = string.Join('\n', conversation.SituationsSeen);
            p[7].Value = string.Join('\n', conversation.RecipesGiven);
            p[8].Value = conversation.Turns;
            p[9].Value = conversation.CreatedAt.ToString("O", CultureInfo.InvariantCulture);
            p[10].Value = conversation.UpdatedAt.ToString("O", CultureInfo.InvariantCulture);
            _save.ExecuteNonQuery();
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose()
    {
        _load.Dispose();
        _save.Dispose();
        _connection.Dispose();
        _gate.Dispose();
    }

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private SqliteCommand Prepare(string sql, params string[] parameters)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name, Value = DBNull.Value });
        }

        command.Prepare();
        return command;
    }

    private static DateTimeOffset ParseInstant(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);

    private static List<string> Split(string joined) => joined.Length == 0 ? [] : [.. joined.Split('\n')];
}
