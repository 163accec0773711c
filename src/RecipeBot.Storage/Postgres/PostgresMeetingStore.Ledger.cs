using RecipeBot.Core.Engine;
using RecipeBot.Core.Meetings;
using RecipeBot.Core.Outbox;
using static RecipeBot.Storage.Postgres.PostgresDatabase;

namespace RecipeBot.Storage.Postgres;

/// <summary>The notification ledger: claims, take-overs, and completing a key (with its outbox row when it is sent).</summary>
public sealed partial class PostgresMeetingStore
{
    public async ValueTask<bool> TryClaimAsync(string key, string ownerId, DateTimeOffset dueAt, NotificationStatus status, DateTimeOffset now, CancellationToken cancellationToken) =>
        await database.WriteAndReturnAsync(
            (connection, transaction, token) => ExecuteAsync(
                connection,
                transaction,
                "INSERT INTO notification_ledger (key, owner_id, due_at, status, updated_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (key) DO NOTHING",
                token,
                key,
                ownerId,
                Utc(dueAt),
                StoredStatus.Text(status),
                Utc(now)),
            cancellationToken).ConfigureAwait(false) == 1;

    public async ValueTask<bool> TryTakeOverAsync(string key, string ownerId, DateTimeOffset staleBefore, DateTimeOffset now, CancellationToken cancellationToken) =>
        await database.WriteAndReturnAsync(
            (connection, transaction, token) => ExecuteAsync(
                connection,
                transaction,
                """
                UPDATE notification_ledger SET owner_id = $2, updated_at = $3
                WHERE key = $1 AND status = 'pending' AND (owner_id = $2 OR updated_at <= $4)
                """,
                token,
                key,
                ownerId,
                Utc(now),
                Utc(staleBefore)),
            cancellationToken).ConfigureAwait(false) == 1;

    public ValueTask<bool> QueueAsync(string key, NotificationStatus status, DateTimeOffset now, OutgoingMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        string[] payloads = [OutboxJson.Serialize(message)];
        return database.WriteAndReturnAsync(
            async (connection, transaction, token) =>
            {
                var queued = await ExecuteAsync(
                    connection,
                    transaction,
                    "UPDATE notification_ledger SET status = $2, updated_at = $3 WHERE key = $1 AND status = 'pending'",
                    token,
                    key,
                    StoredStatus.Text(status),
                    Utc(now)).ConfigureAwait(false) == 1;
                if (queued)
                {
                    await PostgresOutbox.AddAsync(connection, transaction, [message], payloads, _time.GetUtcNow(), token).ConfigureAwait(false);
                }

                return queued;
            },
            cancellationToken);
    }

    public ValueTask CompleteAsync(string key, NotificationStatus status, DateTimeOffset now, CancellationToken cancellationToken) =>
        database.WriteAsync(
            (connection, transaction, token) => ExecuteAsync(
                connection, transaction, "UPDATE notification_ledger SET status = $2, updated_at = $3 WHERE key = $1 AND status = 'pending'", token, key, StoredStatus.Text(status), Utc(now)),
            cancellationToken);

    public async ValueTask<NotificationStatus?> GetStatusAsync(string key, CancellationToken cancellationToken)
    {
        var statuses = await database.ReadAsync(
            (connection, token) => QueryAsync(connection, null, "SELECT status FROM notification_ledger WHERE key = $1", r => r.GetString(0), token, key),
            cancellationToken).ConfigureAwait(false);
        return statuses.Count == 0 ? null : StoredStatus.Parse<NotificationStatus>(statuses[0]);
    }

    public async ValueTask<IReadOnlyList<LedgerEntry>> ListPendingAsync(CancellationToken cancellationToken) =>
        await database.ReadAsync(
            (connection, token) => QueryAsync(
                connection,
                null,
                "SELECT key, owner_id, due_at, status, updated_at FROM notification_ledger WHERE status = 'pending' ORDER BY updated_at, key COLLATE \"C\"",
                ReadLedger,
                token),
            cancellationToken).ConfigureAwait(false);

    private static LedgerEntry ReadLedger(Npgsql.NpgsqlDataReader r) =>
        new(r.GetString(0), r.GetString(1), Instant(r, 2), StoredStatus.Parse<NotificationStatus>(r.GetString(3)), Instant(r, 4));
}
