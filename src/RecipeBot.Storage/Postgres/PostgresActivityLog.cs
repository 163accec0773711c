using RecipeBot.Core.Stats;
using static RecipeBot.Storage.Postgres.PostgresDatabase;

namespace RecipeBot.Storage.Postgres;

/// <summary>
/// The activity the council's figures count, on PostgreSQL: one row per conversation, kind, subject and day (UTC), so
/// a repeated turn counts once, from any instance.
/// </summary>
public sealed class PostgresActivityLog(PostgresDatabase database) : IActivityLog
{
    public ValueTask RecordAsync(ActivityEvent activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return database.WriteAsync(
            (connection, transaction, token) => ExecuteAsync(
                connection,
                transaction,
                "INSERT INTO activity (conversation_id, kind, subject, day, at) VALUES ($1, $2, $3, ($4 AT TIME ZONE 'UTC')::date, $4) ON CONFLICT DO NOTHING",
                token,
                activity.ConversationId,
                activity.Kind,
                activity.Subject,
                Utc(activity.At)),
            cancellationToken);
    }

    public async ValueTask<IReadOnlyList<ActivityEvent>> ListAsync(string conversationId, CancellationToken cancellationToken) =>
        await database.ReadAsync(
            (connection, token) => QueryAsync(
                connection,
                null,
                "SELECT conversation_id, kind, subject, at FROM activity WHERE conversation_id = $1 ORDER BY at",
                r => new ActivityEvent(r.GetString(0), r.GetString(1), r.GetString(2), Instant(r, 3)),
                token,
                conversationId),
            cancellationToken).ConfigureAwait(false);

    public ValueTask EraseAsync(string conversationId, CancellationToken cancellationToken) =>
        database.WriteAsync(
            (connection, transaction, token) => ExecuteAsync(connection, transaction, "DELETE FROM activity WHERE conversation_id = $1", token, conversationId),
            cancellationToken);
}
