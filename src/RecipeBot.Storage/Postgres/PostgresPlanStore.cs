using RecipeBot.Core.Plans;
using static RecipeBot.Storage.Postgres.PostgresDatabase;

namespace RecipeBot.Storage.Postgres;

/// <summary>
/// Action plans on PostgreSQL: one row per conversation, the plan as <c>jsonb</c> (<see cref="Plan.ToJson"/>), so a
/// field added later needs no migration.
/// </summary>
public sealed class PostgresPlanStore(PostgresDatabase database) : IPlanStore
{
    public async ValueTask<Plan?> GetAsync(string conversationId, CancellationToken cancellationToken)
    {
        var plans = await database.ReadAsync(
            (connection, token) => QueryAsync(connection, null, "SELECT plan::text FROM plans WHERE conversation_id = $1", r => Plan.FromJson(r.GetString(0)), token, conversationId),
            cancellationToken).ConfigureAwait(false);
        return plans.Count == 0 ? null : plans[0];
    }

    public ValueTask SaveAsync(Plan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var json = plan.ToJson();
        return database.WriteAsync(
            (connection, transaction, token) => ExecuteAsync(
                connection,
                transaction,
                """
                INSERT INTO plans (conversation_id, created_at, updated_at, plan) VALUES ($1, $2, $3, $4::jsonb)
                ON CONFLICT (conversation_id) DO UPDATE SET updated_at = excluded.updated_at, plan = excluded.plan
                """,
                token,
                plan.ConversationId,
                Utc(plan.CreatedAt),
                Utc(plan.UpdatedAt),
                json),
            cancellationToken);
    }

    public ValueTask DeleteAsync(string conversationId, CancellationToken cancellationToken) =>
        database.WriteAsync(
            (connection, transaction, token) => ExecuteAsync(connection, transaction, "DELETE FROM plans WHERE conversation_id = $1", token, conversationId),
            cancellationToken);

    public ValueTask MoveAsync(string fromConversationId, string toConversationId, CancellationToken cancellationToken) =>
        database.WriteAsync(
            (connection, transaction, token) => ExecuteAsync(
                connection,
                transaction,
                """
                UPDATE plans SET conversation_id = $2, plan = jsonb_set(plan, '{conversationId}', to_jsonb($2::text))
                WHERE conversation_id = $1 AND NOT EXISTS (SELECT 1 FROM plans WHERE conversation_id = $2)
                """,
                token,
                fromConversationId,
                toConversationId),
            cancellationToken);

    public async ValueTask<IReadOnlyList<Plan>> ListAsync(CancellationToken cancellationToken) =>
        await database.ReadAsync(
            (connection, token) => QueryAsync(
                connection, null, "SELECT plan::text FROM plans ORDER BY created_at, conversation_id COLLATE \"C\"", r => Plan.FromJson(r.GetString(0)), token),
            cancellationToken).ConfigureAwait(false);
}
