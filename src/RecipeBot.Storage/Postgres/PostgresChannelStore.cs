using RecipeBot.Core.Channels;
using RecipeBot.Core.Conversations;
using RecipeBot.Core.Meetings;
using RecipeBot.Core.Plans;
using static RecipeBot.Storage.Postgres.PostgresDatabase;

namespace RecipeBot.Storage.Postgres;

/// <summary>
/// Channel bookkeeping on PostgreSQL: chat status, cursors and the inbound inbox, whose deliveries each instance claims
/// before working them (<see cref="PostgresClaims"/>). A chat marked inactive has its meetings paused; a group that
/// became a supergroup takes its conversation, meetings and action plan along. Chat status is read from the database
/// every time: another instance may have changed it.
/// </summary>
public sealed partial class PostgresChannelStore(
    PostgresDatabase database, IConversationStore conversations, TimeProvider time, IMeetingStore? meetings = null, IPlanStore? plans = null)
    : IChatDirectory, ICursorStore, IInboxStore
{
    public async ValueTask<bool> IsActiveAsync(string conversationId, CancellationToken cancellationToken) =>
        (await ChatAsync(conversationId, cancellationToken).ConfigureAwait(false)).Active;

    public async ValueTask SetActiveAsync(string conversationId, bool active, CancellationToken cancellationToken)
    {
        await database.WriteAsync(
            (connection, transaction, token) => ExecuteAsync(
                connection,
                transaction,
                "INSERT INTO chats (id, active, updated_at) VALUES ($1, $2, $3) ON CONFLICT (id) DO UPDATE SET active = excluded.active, updated_at = excluded.updated_at",
                token,
                conversationId,
                active,
                Utc(time.GetUtcNow())),
            cancellationToken).ConfigureAwait(false);
        if (!active && meetings is not null)
        {
            // A chat that blocked or removed the bot gets no more reminders.
            await meetings.PauseAllAsync(conversationId, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask MigrateAsync(string fromId, string toId, CancellationToken cancellationToken)
    {
        await database.WriteAsync(
            (connection, transaction, token) => ExecuteAsync(
                connection,
                transaction,
                "INSERT INTO chats (id, active, migrated_to, updated_at) VALUES ($1, false, $2, $3) ON CONFLICT (id) DO UPDATE SET active = false, migrated_to = excluded.migrated_to, updated_at = excluded.updated_at",
                token,
                fromId,
                toId,
                Utc(time.GetUtcNow())),
            cancellationToken).ConfigureAwait(false);
        await conversations.MoveAsync(fromId, toId, cancellationToken).ConfigureAwait(false);
        if (meetings is not null)
        {
            // The group's meetings follow it into the supergroup.
            await meetings.MoveAsync(fromId, toId, cancellationToken).ConfigureAwait(false);
        }

        if (plans is not null)
        {
            // And so does its action plan.
            await plans.MoveAsync(fromId, toId, cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask<string> ResolveAsync(string conversationId, CancellationToken cancellationToken)
    {
        // Follow the chain; a group can migrate only once, but stay safe against loops.
        var id = conversationId;
        for (var hops = 0; hops < 8 && (await ChatAsync(id, cancellationToken).ConfigureAwait(false)).MigratedTo is { } next; hops++)
        {
            id = next;
        }

        return id;
    }

    public async ValueTask<long?> GetAsync(string name, CancellationToken cancellationToken)
    {
        var values = await database.ReadAsync(
            (connection, token) => QueryAsync(connection, null, "SELECT value FROM cursors WHERE name = $1", r => r.GetInt64(0), token, name),
            cancellationToken).ConfigureAwait(false);
        return values.Count == 0 ? null : values[0];
    }

    public ValueTask SetAsync(string name, long value, CancellationToken cancellationToken) =>
        database.WriteAsync(
            (connection, transaction, token) => ExecuteAsync(
                connection, transaction, "INSERT INTO cursors (name, value) VALUES ($1, $2) ON CONFLICT (name) DO UPDATE SET value = excluded.value", token, name, value),
            cancellationToken);

    public ValueTask<int> AddAsync(string channel, IReadOnlyList<InboxItem> items, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        return database.WriteAndReturnAsync(
            (connection, transaction, token) => ExecuteAsync(
                connection,
                transaction,
                """
                INSERT INTO inbox (channel, sequence, partition, payload, received_at)
                SELECT $1, sequence, partition, payload, $5 FROM unnest($2::bigint[], $3::text[], $4::text[]) AS item (sequence, partition, payload)
                ON CONFLICT DO NOTHING
                """,
                token,
                channel,
                items.Select(i => i.Sequence).ToArray(),
                items.Select(i => i.Partition).ToArray(),
                items.Select(i => i.Payload).ToArray(),
                Utc(time.GetUtcNow())),
            cancellationToken);
    }

    /// <summary>Claims the next pending deliveries for this instance (see <see cref="PostgresClaims"/>).</summary>
    public ValueTask<IReadOnlyList<InboxItem>> PendingAsync(string channel, long afterSequence, int max, CancellationToken cancellationToken) =>
        database.WriteAndReturnAsync(
            (connection, transaction, token) => PostgresClaims.InboxAsync(database, connection, transaction, channel, afterSequence, max, time.GetUtcNow(), token),
            cancellationToken);

    public ValueTask CompleteAsync(string channel, IReadOnlyList<long> sequences, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sequences);
        return database.WriteAsync(
            (connection, transaction, token) => ExecuteAsync(connection, transaction, "DELETE FROM inbox WHERE channel = $1 AND sequence = ANY($2)", token, channel, sequences.ToArray()),
            cancellationToken);
    }

    public async ValueTask<int> FailAsync(string channel, long sequence, CancellationToken cancellationToken)
    {
        var attempts = await database.WriteAndReturnAsync(
            (connection, transaction, token) => QueryAsync(
                connection, transaction, "UPDATE inbox SET attempts = attempts + 1 WHERE channel = $1 AND sequence = $2 RETURNING attempts", r => r.GetInt32(0), token, channel, sequence),
            cancellationToken).ConfigureAwait(false);
        return attempts.SingleOrDefault();
    }

    /// <summary>A chat's status; a chat never marked is active.</summary>
    private async ValueTask<(bool Active, string? MigratedTo)> ChatAsync(string conversationId, CancellationToken cancellationToken)
    {
        var rows = await database.ReadAsync(
            (connection, token) => QueryAsync(connection, null, "SELECT active, migrated_to FROM chats WHERE id = $1", r => (r.GetBoolean(0), Text(r, 1)), token, conversationId),
            cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? (true, null) : rows[0];
    }
}
