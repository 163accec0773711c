using System.Text.Json.Nodes;
using RecipeBot.Core.Channels;
using RecipeBot.Core.Privacy;
using static RecipeBot.Storage.Postgres.PostgresDatabase;

namespace RecipeBot.Storage.Postgres;

/// <summary>
/// Web chat transcripts on PostgreSQL: one row per activity, numbered 1, 2, 3 … within its conversation. Appends to
/// one conversation take turns (a transaction-scoped advisory lock on the conversation), so two instances never
/// give out the same watermark.
/// </summary>
public sealed class PostgresTranscriptStore(PostgresDatabase database, TimeProvider time) : ITranscriptStore, IPersonalDataSource
{
    public ValueTask<long> AppendAsync(string conversationId, string activityId, string activity, CancellationToken cancellationToken) =>
        database.WriteAndReturnAsync(
            async (connection, transaction, token) =>
            {
                await ExecuteAsync(connection, transaction, "SELECT pg_advisory_xact_lock(hashtext($1))", token, conversationId).ConfigureAwait(false);
                var appended = await QueryAsync(
                    connection,
                    transaction,
                    """
                    INSERT INTO webchat_activities (conversation_id, watermark, activity_id, activity, created_at)
                    SELECT $1, COALESCE(MAX(watermark), 0) + 1, $2, $3, $4 FROM webchat_activities WHERE conversation_id = $1
                    ON CONFLICT DO NOTHING
                    RETURNING watermark
                    """,
                    r => r.GetInt64(0),
                    token,
                    conversationId,
                    activityId,
                    activity,
                    Utc(time.GetUtcNow())).ConfigureAwait(false);
                if (appended.Count > 0)
                {
                    return appended[0];
                }

                // Appended before (a redelivery): the watermark it has.
                var found = await QueryAsync(
                    connection,
                    transaction,
                    "SELECT watermark FROM webchat_activities WHERE conversation_id = $1 AND activity_id = $2",
                    r => r.GetInt64(0),
                    token,
                    conversationId,
                    activityId).ConfigureAwait(false);
                return found[0];
            },
            cancellationToken);

    public async ValueTask<IReadOnlyList<TranscriptEntry>> ReadAsync(string conversationId, long afterWatermark, int max, CancellationToken cancellationToken) =>
        await database.ReadAsync(
            (connection, token) => QueryAsync(
                connection,
                null,
                "SELECT watermark, activity_id, activity FROM webchat_activities WHERE conversation_id = $1 AND watermark > $2 ORDER BY watermark LIMIT $3",
                r => new TranscriptEntry(r.GetInt64(0), r.GetString(1), r.GetString(2)),
                token,
                conversationId,
                afterWatermark,
                max),
            cancellationToken).ConfigureAwait(false);

    public async ValueTask ExportAsync(PersonalDataSubject subject, JsonObject export, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(export);
        var activities = await database.ReadAsync(
            (connection, token) => QueryAsync(
                connection,
                null,
                "SELECT activity FROM webchat_activities WHERE conversation_id = $1 ORDER BY watermark",
                r => r.GetString(0),
                token,
                subject.ConversationId),
            cancellationToken).ConfigureAwait(false);
        if (activities.Count > 0)
        {
            export["webChatTranscript"] = new JsonArray([.. activities.Select(a => JsonNode.Parse(a))]);
        }
    }

    /// <summary>A visitor's transcript goes with their conversation (web chats have no groups).</summary>
    public ValueTask EraseAsync(PersonalDataSubject subject, CancellationToken cancellationToken) =>
        database.EraseConversationAsync(
            subject,
            (connection, transaction, id, token) => ExecuteAsync(connection, transaction, "DELETE FROM webchat_activities WHERE conversation_id = $1", token, id),
            cancellationToken);
}
