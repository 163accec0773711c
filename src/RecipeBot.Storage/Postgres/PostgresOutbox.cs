using Npgsql;
using RecipeBot.Core.Engine;
using RecipeBot.Core.Outbox;
using static RecipeBot.Storage.Postgres.PostgresDatabase;

namespace RecipeBot.Storage.Postgres;

/// <summary>The outbox table's statements on PostgreSQL; callers hold the connection and, where rows are written, the transaction.</summary>
internal static class PostgresOutbox
{
    /// <summary>Inserts the rows in the caller's transaction, in order (their ids ascend as the list does).</summary>
    public static async Task AddAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<OutgoingMessage> messages, string[] payloads, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (messages.Count == 0)
        {
            return;
        }

        await ExecuteAsync(
            connection,
            transaction,
            """
            INSERT INTO outbox (conversation_id, message, created_at)
            SELECT conversation_id, message, $3 FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS row (conversation_id, message, n) ORDER BY n
            """,
            cancellationToken,
            messages.Select(m => m.ConversationId).ToArray(),
            payloads,
            Utc(now)).ConfigureAwait(false);
    }

    /// <summary>Claims a channel's due rows for this instance (see <see cref="PostgresClaims"/>); rows that no longer read as a message go to <paramref name="unreadable"/>.</summary>
    public static async Task<IReadOnlyList<OutboxItem>> PendingAsync(
        PostgresDatabase database, NpgsqlConnection connection, NpgsqlTransaction transaction, string prefix, long afterId, int max, DateTimeOffset due, DateTimeOffset now, List<long> unreadable, CancellationToken cancellationToken)
    {
        var rows = await PostgresClaims.OutboxAsync(database, connection, transaction, prefix, afterId, max, due, now, cancellationToken).ConfigureAwait(false);
        var items = new List<OutboxItem>(rows.Count);
        foreach (var row in rows)
        {
            try
            {
                items.Add(new OutboxItem(row.Id, OutboxJson.Deserialize(row.Payload), row.Attempts, DateTimeOffset.FromUnixTimeMilliseconds(row.NotBefore)));
            }
            catch (System.Text.Json.JsonException)
            {
                unreadable.Add(row.Id);
            }
        }

        return items;
    }

    public static Task<int> CompleteAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, IReadOnlyList<long> ids, CancellationToken cancellationToken) =>
        ExecuteAsync(connection, transaction, "DELETE FROM outbox WHERE id = ANY($1)", cancellationToken, ids.ToArray());
}
