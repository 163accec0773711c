using Npgsql;
using RecipeBot.Core.Channels;
using static RecipeBot.Storage.Postgres.PostgresDatabase;

namespace RecipeBot.Storage.Postgres;

/// <summary>
/// Inbox and outbox rows shared by several instances. Reading pending rows claims them for this instance (claimed_by,
/// lease_until) with <c>FOR UPDATE SKIP LOCKED</c>: an instance takes rows nobody holds, rows whose lease ran out (their
/// instance died) and, after its cursor, rows it holds already. A row whose conversation has an earlier row held by
/// another live instance is left alone, so a conversation is served by one instance at a time and keeps its order.
/// Claims of one queue are taken one instance at a time (a transaction-level advisory lock), so two instances never
/// both see a conversation as free. Claims are renewed when half the lease is left and given back when the instance stops.
/// </summary>
internal static class PostgresClaims
{
    /// <summary>The most inbox deliveries one instance holds in hand at a time.</summary>
    public const int MaxInHand = 512;

    private const string InboxClaim = """
        WITH next AS (
            SELECT i.channel, i.sequence FROM inbox i
            WHERE i.channel = $1
              AND ((i.claimed_by = $4 AND i.sequence > $2) OR i.claimed_by IS NULL OR i.lease_until <= $5)
              AND NOT EXISTS (
                  SELECT 1 FROM inbox e
                  WHERE e.channel = i.channel AND e.partition = i.partition AND e.sequence < i.sequence AND e.claimed_by <> $4 AND e.lease_until > $5)
            ORDER BY i.sequence
            LIMIT $3
            FOR UPDATE SKIP LOCKED)
        UPDATE inbox SET claimed_by = $4, lease_until = $6 FROM next
        WHERE inbox.channel = next.channel AND inbox.sequence = next.sequence
        RETURNING inbox.sequence, inbox.partition, inbox.payload, inbox.attempts
        """;

    private const string OutboxClaim = """
        WITH next AS (
            SELECT o.id FROM outbox o
            WHERE starts_with(o.conversation_id, $1) AND o.not_before <= $7
              AND ((o.claimed_by = $4 AND o.id > $2) OR o.claimed_by IS NULL OR o.lease_until <= $5)
              AND NOT EXISTS (
                  SELECT 1 FROM outbox e
                  WHERE e.conversation_id = o.conversation_id AND e.id < o.id AND e.claimed_by <> $4 AND e.lease_until > $5)
            ORDER BY o.id
            LIMIT $3
            FOR UPDATE SKIP LOCKED)
        UPDATE outbox SET claimed_by = $4, lease_until = $6 FROM next
        WHERE outbox.id = next.id
        RETURNING outbox.id, outbox.message, outbox.attempts, outbox.not_before
        """;

    /// <summary>Claims the channel's next pending deliveries (see the class); returns them in delivery order.</summary>
    public static async Task<IReadOnlyList<InboxItem>> InboxAsync(
        PostgresDatabase database, NpgsqlConnection connection, NpgsqlTransaction transaction, string channel, long afterSequence, int max, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await LockAsync(connection, transaction, "inbox:" + channel, cancellationToken).ConfigureAwait(false);
        await RenewAsync(database, connection, transaction, "inbox", now, cancellationToken).ConfigureAwait(false);
        // What this instance already has in hand (read before its cursor, not yet completed) counts against its share,
        // so under a burst the first instance to read does not take it all while the others idle.
        var inHand = (await QueryAsync(
            connection,
            transaction,
            "SELECT count(*) FROM inbox WHERE channel = $1 AND claimed_by = $2 AND sequence <= $3",
            r => r.GetInt64(0),
            cancellationToken,
            channel,
            database.InstanceId,
            afterSequence).ConfigureAwait(false))[0];
        max = (int)Math.Min(max, Math.Max(0, MaxInHand - inHand));
        if (max == 0)
        {
            return [];
        }

        var items = await QueryAsync(
            connection,
            transaction,
            InboxClaim,
            r => new InboxItem(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetInt32(3)),
            cancellationToken,
            channel,
            afterSequence,
            max,
            database.InstanceId,
            Utc(now),
            Utc(now + database.Lease)).ConfigureAwait(false);
        items.Sort((a, b) => a.Sequence.CompareTo(b.Sequence));
        return items;
    }

    /// <summary>Claims a channel's next outbox rows (see the class) due at <paramref name="due"/>; returns them oldest first.</summary>
    public static async Task<List<(long Id, string Payload, int Attempts, long NotBefore)>> OutboxAsync(
        PostgresDatabase database, NpgsqlConnection connection, NpgsqlTransaction transaction, string prefix, long afterId, int max, DateTimeOffset due, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await LockAsync(connection, transaction, "outbox:" + prefix, cancellationToken).ConfigureAwait(false);
        await RenewAsync(database, connection, transaction, "outbox", now, cancellationToken).ConfigureAwait(false);
        var rows = await QueryAsync(
            connection,
            transaction,
            OutboxClaim,
            reader => (Id: reader.GetInt64(0), Payload: reader.GetString(1), Attempts: reader.GetInt32(2), NotBefore: reader.GetInt64(3)),
            cancellationToken,
            prefix,
            afterId,
            max,
            database.InstanceId,
            Utc(now),
            Utc(now + database.Lease),
            due.ToUnixTimeMilliseconds()).ConfigureAwait(false);
        rows.Sort((a, b) => a.Id.CompareTo(b.Id));
        return rows;
    }

    /// <summary>Gives back every claim of this instance.</summary>
    public static ValueTask ReleaseAsync(PostgresDatabase database, CancellationToken cancellationToken) =>
        database.WriteAsync(
            async (connection, transaction, token) =>
            {
                foreach (var table in (string[])["inbox", "outbox"])
                {
                    await ExecuteAsync(connection, transaction, $"UPDATE {table} SET claimed_by = NULL, lease_until = NULL WHERE claimed_by = $1", token, database.InstanceId).ConfigureAwait(false);
                }
            },
            cancellationToken);

    /// <summary>Claims of one queue are taken one transaction at a time (released at commit).</summary>
    private static Task<int> LockAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string queue, CancellationToken cancellationToken) =>
        ExecuteAsync(connection, transaction, "SELECT pg_advisory_xact_lock(hashtext($1))", cancellationToken, queue);

    /// <summary>Extends this instance's claims that have less than half their lease left.</summary>
    private static Task<int> RenewAsync(PostgresDatabase database, NpgsqlConnection connection, NpgsqlTransaction transaction, string table, DateTimeOffset now, CancellationToken cancellationToken) =>
        ExecuteAsync(
            connection,
            transaction,
            $"UPDATE {table} SET lease_until = $2 WHERE claimed_by = $1 AND lease_until < $3",
            cancellationToken,
            database.InstanceId,
            Utc(now + database.Lease),
            Utc(now + (database.Lease / 2)));
}
