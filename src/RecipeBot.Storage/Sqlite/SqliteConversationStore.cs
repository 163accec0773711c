using Microsoft.Data.Sqlite;
using RecipeBot.Core.Conversations;

namespace RecipeBot.Storage.Sqlite;

/// <summary>
/// Conversations in one SQLite file (WAL mode). One row per conversation, written once per turn.
/// Lists are stored one id per line: ids never contain line breaks.
/// </summary>
public sealed class SqliteConversationStore : IConversationStore
{
    private readonly string _connectionString;

    public SqliteConversationStore(string databasePath)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(databasePath));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
        }.ToString();
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            PRAGMA journal_mode = WAL;
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
            """;
        command.ExecuteNonQuery();
    }

    public async ValueTask<Conversation?> LoadAsync(string conversationId, CancellationToken cancellationToken)
    {
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT language, role, phase, state, history, situations_seen, recipes_given, turns, created_at, updated_at
            FROM conversations WHERE id = $id
            """;
        command.Parameters.AddWithValue("$id", conversationId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        return new Conversation(conversationId, reader.GetString(0), reader.GetString(3), DateTimeOffset.Parse(reader.GetString(8), System.Globalization.CultureInfo.InvariantCulture))
        {
            Role = reader.IsDBNull(1) ? null : reader.GetString(1),
            Phase = reader.IsDBNull(2) ? null : reader.GetString(2),
            History = Split(reader.GetString(4)),
            SituationsSeen = Split(reader.GetString(5)),
            RecipesGiven = Split(reader.GetString(6)),
            Turns = reader.GetInt32(7),
            UpdatedAt = DateTimeOffset.Parse(reader.GetString(9), System.Globalization.CultureInfo.InvariantCulture),
        };
    }

    public async ValueTask SaveAsync(Conversation conversation, CancellationToken cancellationToken)
    {
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO conversations (id, language, role, phase, state, history, situations_seen, recipes_given, turns, created_at, updated_at)
            VALUES ($id, $language, $role, $phase, $state, $history, $seen, $given, $turns, $created, $updated)
            ON CONFLICT (id) DO UPDATE SET
                language = excluded.language, role = excluded.role, phase = excluded.phase, state = excluded.state,
                history = excluded.history, situations_seen = excluded.situations_seen,
                recipes_given = excluded.recipes_given, turns = excluded.turns, updated_at = excluded.updated_at
            """;
        var p = command.Parameters;
        p.AddWithValue("$id", conversation.Id);
        p.AddWithValue("$language", conversation.Language);
        p.AddWithValue("$role", (object?)conversation.Role ?? DBNull.Value);
        p.AddWithValue("$phase", (object?)conversation.Phase ?? DBNull.Value);
        p.AddWithValue("$state", conversation.State);
        p.AddWithValue("$history", string.Join('\n', conversation.History));
        p.AddWithValue("$seen", string.Join('\n', conversation.SituationsSeen));
        p.AddWithValue("$given", string.Join('\n', conversation.RecipesGiven));
        p.AddWithValue("$turns", conversation.Turns);
        p.AddWithValue("$created", conversation.CreatedAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        p.AddWithValue("$updated", conversation.UpdatedAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        return connection;
    }

    private static List<string> Split(string joined) =>
        joined.Length == 0 ? [] : [.. joined.Split('\n')];
}
