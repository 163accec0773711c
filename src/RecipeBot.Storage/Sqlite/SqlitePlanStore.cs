using System.Globalization;
using Microsoft.Data.Sqlite;
using RecipeBot.Core.Plans;

namespace RecipeBot.Storage.Sqlite;

/// <summary>
/// Action plans in the bot's SQLite file: one row per conversation, the plan as JSON (<see cref="Plan.ToJson"/>), so a
/// field added later needs no migration. Written when a turn changes the plan, like meetings.
/// </summary>
public sealed class SqlitePlanStore : IPlanStore
{
    private readonly SqliteDatabase _database;
    private readonly SqliteCommand _get;
    private readonly SqliteCommand _save;
    private readonly SqliteCommand _delete;
    private readonly SqliteCommand _list;
    private readonly SqliteCommand _move;

    public SqlitePlanStore(SqliteDatabase database)
    {
        _database = database;
        _get = database.Prepare("SELECT plan FROM plans WHERE conversation_id = $id", "$id");
        _save = database.Prepare(
            """
            INSERT INTO plans (conversation_id, created_at, updated_at, plan) VALUES ($id, $created, $updated, $plan)
            ON CONFLICT (conversation_id) DO UPDATE SET updated_at = excluded.updated_at, plan = excluded.plan
            """,
            "$id", "$created", "$updated", "$plan");
        _delete = database.Prepare("DELETE FROM plans WHERE conversation_id = $id", "$id");
        _list = database.Prepare("SELECT plan FROM plans ORDER BY created_at, conversation_id");
        _move = database.Prepare(
            """
            UPDATE plans SET conversation_id = $to, plan = json_set(plan, '$.conversationId', $to)
            WHERE conversation_id = $from AND NOT EXISTS (SELECT 1 FROM plans WHERE conversation_id = $to)
            """,
            "$from", "$to");
    }

    public ValueTask<Plan?> GetAsync(string conversationId, CancellationToken cancellationToken) =>
        _database.UseAsync(
            () =>
            {
                _get.Parameters[0].Value = conversationId;
                return _get.ExecuteScalar() is string json ? Plan.FromJson(json) : null;
            },
            cancellationToken);

    public ValueTask SaveAsync(Plan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var json = plan.ToJson();
        return _database.WriteAsync(
            () =>
            {
                _save.Parameters[0].Value = plan.ConversationId;
                _save.Parameters[1].Value = plan.CreatedAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
                _save.Parameters[2].Value = plan.UpdatedAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
                _save.Parameters[3].Value = json;
                _save.ExecuteNonQuery();
            },
            cancellationToken,
            _save);
    }

    public ValueTask DeleteAsync(string conversationId, CancellationToken cancellationToken) =>
        _database.WriteAsync(
            () =>
            {
                _delete.Parameters[0].Value = conversationId;
                _delete.ExecuteNonQuery();
            },
            cancellationToken,
            _delete);

    public ValueTask MoveAsync(string fromConversationId, string toConversationId, CancellationToken cancellationToken) =>
        _database.WriteAsync(
            () =>
            {
                _move.Parameters[0].Value = fromConversationId;
                _move.Parameters[1].Value = toConversationId;
                _move.ExecuteNonQuery();
            },
            cancellationToken,
            _move);

    public ValueTask<IReadOnlyList<Plan>> ListAsync(CancellationToken cancellationToken) =>
        _database.UseAsync<IReadOnlyList<Plan>>(
            () =>
            {
                var plans = new List<Plan>();
                using var reader = _list.ExecuteReader();
                while (reader.Read())
                {
                    plans.Add(Plan.FromJson(reader.GetString(0)));
                }

                return plans;
            },
            cancellationToken);
}
