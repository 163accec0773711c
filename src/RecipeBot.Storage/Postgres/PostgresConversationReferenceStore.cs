using RecipeBot.Core.Channels;
using static RecipeBot.Storage.Postgres.PostgresDatabase;

namespace RecipeBot.Storage.Postgres;

/// <summary>Conversation references on PostgreSQL: one row per conversation, replaced on every authenticated activity.</summary>
public sealed partial class PostgresConversationReferenceStore(PostgresDatabase database, TimeProvider time) : IConversationReferenceStore
{
    public ValueTask SaveAsync(ConversationReference reference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        return database.WriteAsync(
            (connection, transaction, token) => ExecuteAsync(
                connection,
                transaction,
                """
                INSERT INTO conversation_references
                    (id, channel_id, service_url, conversation_id, bot_id, bot_name, user_id, user_name, tenant_id, conversation_type, updated_at)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
                ON CONFLICT (id) DO UPDATE SET
                    channel_id = excluded.channel_id, service_url = excluded.service_url,
                    conversation_id = excluded.conversation_id, bot_id = excluded.bot_id, bot_name = excluded.bot_name,
                    user_id = excluded.user_id, user_name = excluded.user_name, tenant_id = excluded.tenant_id,
                    conversation_type = excluded.conversation_type, updated_at = excluded.updated_at
                """,
                token,
                reference.Id,
                reference.ChannelId,
                reference.ServiceUrl,
                reference.ConversationId,
                reference.BotId,
                reference.BotName,
                reference.UserId,
                reference.UserName,
                reference.TenantId,
                reference.ConversationType,
                Utc(time.GetUtcNow())),
            cancellationToken);
    }

    public async ValueTask<ConversationReference?> FindAsync(string conversationId, CancellationToken cancellationToken)
    {
        var rows = await database.ReadAsync(
            (connection, token) => QueryAsync(
                connection,
                null,
                "SELECT channel_id, service_url, conversation_id, bot_id, bot_name, user_id, user_name, tenant_id, conversation_type FROM conversation_references WHERE id = $1",
                r => new ConversationReference(
                    conversationId, r.GetString(0), r.GetString(1), r.GetString(2), Text(r, 3), Text(r, 4), Text(r, 5), Text(r, 6), Text(r, 7), Text(r, 8)),
                token,
                conversationId),
            cancellationToken).ConfigureAwait(false);
        return rows.SingleOrDefault();
    }
}
