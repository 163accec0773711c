using System.Globalization;
using Microsoft.Data.Sqlite;
using RecipeBot.Core.Engine;
using RecipeBot.Core.Outbox;

namespace RecipeBot.Storage.Sqlite;

/// <summary>
/// The outbox table and its statements. Callers hold the database and, where rows are written, its transaction: a
/// turn's replies are inserted in the transaction that saves its conversation, a reminder in the one that completes
/// its ledger key. Either store may be opened first, so each creates the table if it is missing.
/// </summary>
internal sealed class SqliteOutbox
{
    private readonly TimeProvider _time;
    private readonly SqliteCommand _insert;
    private readonly SqliteCommand _pending;
    private readonly SqliteCommand _delete;
    private readonly SqliteCommand _retry;
    private readonly SqliteCommand _ofConversation;
    private readonly SqliteCommand _deleteConversation;

    public SqliteOutbox(SqliteDatabase database, TimeProvider time)
    {
        _time = time;
        database.Execute("""
            CREATE TABLE IF NOT EXISTS outbox (
                id              INTEGER PRIMARY KEY AUTOINCREMENT,
                conversation_id TEXT NOT NULL,
                message         TEXT NOT NULL,
                attempts        INTEGER NOT NULL DEFAULT 0,
                not_before      INTEGER NOT NULL DEFAULT 0,
                created_at      TEXT NOT NULL
            );
            CREATE INDEX IF NOT EXISTS outbox_by_conversation ON outbox (conversation_id, id);
            """);
        _insert = database.Prepare(
            "INSERT INTO outbox (conversation_id, message, created_at) VALUES ($conversation, $message, $created)",
            "$conversation", "$message", "$created");
        // Prefixes are plain ids such as "telegram:"; the range keeps the query on the primary key and exact.
        _pending = database.Prepare(
            """
            SELECT id, message, attempts, not_before FROM outbox
            WHERE id > $after AND not_before <= $now AND conversation_id >= $prefix AND conversation_id < $prefixEnd
            ORDER BY id LIMIT $max
            """,
            "$after", "$now", "$prefix", "$prefixEnd", "$max");
        _delete = database.Prepare("DELETE FROM outbox WHERE id = $id", "$id");
        _retry = database.Prepare(
            "UPDATE outbox SET attempts = attempts + 1, not_before = $notBefore WHERE id = $id RETURNING attempts",
            "$id", "$notBefore");
        _ofConversation = database.Prepare("SELECT message FROM outbox WHERE conversation_id = $conversation ORDER BY id", "$conversation");
        _deleteConversation = database.Prepare("DELETE FROM outbox WHERE conversation_id = $conversation", "$conversation");
    }

    /// <summary>The statements that write, to be enlisted in the caller's transaction.</summary>
    public SqliteCommand[] Writes => [_insert, _delete, _deleteConversation];

    public void Add(IReadOnlyList<OutgoingMessage> messages)
    {
        if (messages.Count == 0)
        {
            return;
        }

        var created = _time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
        foreach (var message in messages)
        {
            _insert.Parameters[0].Value = message.ConversationId;
            _insert.Parameters[1].Value = OutboxJson.Serialize(message);
            _insert.Parameters[2].Value = created;
            _insert.ExecuteNonQuery();
        }
    }

    /// <summary>The rows due at <paramref name="now"/>; rows that no longer read as a message go to <paramref name="unreadable"/>.</summary>
    public IReadOnlyList<OutboxItem> Pending(string prefix, long afterId, int max, DateTimeOffset now, List<long> unreadable)
    {
        var p = _pending.Parameters;
        p[0].Value = afterId;
        p[1].Value = now.ToUnixTimeMilliseconds();
        p[2].Value = prefix;
        p[3].Value = prefix.Length == 0 ? "\U0010FFFF" : prefix[..^1] + (char)(prefix[^1] + 1);
        p[4].Value = max;
        var items = new List<OutboxItem>();
        using var reader = _pending.ExecuteReader();
        while (reader.Read())
        {
            OutgoingMessage message;
            try
            {
                message = OutboxJson.Deserialize(reader.GetString(1));
            }
            catch (System.Text.Json.JsonException)
            {
                unreadable.Add(reader.GetInt64(0));
                continue;
            }

            items.Add(new OutboxItem(reader.GetInt64(0), message, reader.GetInt32(2), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3))));
        }

        return items;
    }

    /// <summary>The conversation's rows as stored (message JSON), oldest first.</summary>
    public IReadOnlyList<string> OfConversation(string conversationId)
    {
        _ofConversation.Parameters[0].Value = conversationId;
        using var reader = _ofConversation.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }

    /// <summary>Deletes every row of the conversation, sent or not.</summary>
    public void DeleteConversation(string conversationId)
    {
        _deleteConversation.Parameters[0].Value = conversationId;
        _deleteConversation.ExecuteNonQuery();
    }

    public void Complete(IReadOnlyList<long> ids)
    {
        foreach (var id in ids)
        {
            _delete.Parameters[0].Value = id;
            _delete.ExecuteNonQuery();
        }
    }

    public int RetryLater(long id, DateTimeOffset notBefore)
    {
        _retry.Parameters[0].Value = id;
        _retry.Parameters[1].Value = notBefore.ToUnixTimeMilliseconds();
        return _retry.ExecuteScalar() is long attempts ? (int)attempts : 0;
    }
}
