using System.Globalization;
using Microsoft.Data.Sqlite;
using RecipeBot.Core.Engine;
using RecipeBot.Core.Outbox;

namespace RecipeBot.Storage.Sqlite;

/// <summary>
/// The outbox table and its statements. Callers hold the database and, where rows are written, its transaction: a
/// turn's replies are inserted in the transaction that saves its conversation, a reminder in the one that completes
/// its ledger key.
/// </summary>
internal sealed class SqliteOutbox
{
    private const int MaxFresh = 10_000;

    // Rows this process just wrote, as messages: the sender takes them without parsing them back (a row read after a
    // restart, or written by another store, is parsed). Entries go when read or deleted.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<long, OutgoingMessage> _fresh = new();
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
        _insert = database.Prepare(
            "INSERT INTO outbox (conversation_id, message, created_at) VALUES ($conversation, $message, $created) RETURNING id",
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

    /// <summary>The rows' text, made before the database is taken so that the transaction holds it no longer than needed.</summary>
    public static string[] Payloads(IReadOnlyList<OutgoingMessage> messages) => [.. messages.Select(OutboxJson.Serialize)];

    /// <summary>Inserts the rows; <paramref name="written"/> (cleared first) gets their ids, for <see cref="Remember"/> once committed.</summary>
    public void Add(IReadOnlyList<OutgoingMessage> messages, string[] payloads, List<KeyValuePair<long, OutgoingMessage>>? written = null)
    {
        written?.Clear();
        if (messages.Count == 0)
        {
            return;
        }

        var created = _time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
        for (var i = 0; i < messages.Count; i++)
        {
            _insert.Parameters[0].Value = messages[i].ConversationId;
            _insert.Parameters[1].Value = payloads[i];
            _insert.Parameters[2].Value = created;
            var id = (long)_insert.ExecuteScalar()!;
            written?.Add(new(id, messages[i]));
        }
    }

    /// <summary>Rows committed a moment ago, kept as messages for the sender's next read.</summary>
    public void Remember(List<KeyValuePair<long, OutgoingMessage>> written)
    {
        foreach (var (id, message) in written)
        {
            if (_fresh.Count >= MaxFresh)
            {
                return;
            }

            _fresh[id] = message;
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
            var id = reader.GetInt64(0);
            if (!_fresh.TryRemove(id, out var message))
            {
                try
                {
                    message = OutboxJson.Deserialize(reader.GetString(1));
                }
                catch (System.Text.Json.JsonException)
                {
                    unreadable.Add(id);
                    continue;
                }
            }

            items.Add(new OutboxItem(id, message, reader.GetInt32(2), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3))));
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
            _fresh.TryRemove(id, out _);
        }
    }

    public int RetryLater(long id, DateTimeOffset notBefore)
    {
        _retry.Parameters[0].Value = id;
        _retry.Parameters[1].Value = notBefore.ToUnixTimeMilliseconds();
        return _retry.ExecuteScalar() is long attempts ? (int)attempts : 0;
    }
}
