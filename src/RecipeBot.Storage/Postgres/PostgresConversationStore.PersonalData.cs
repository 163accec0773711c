using System.Text.Json.Nodes;
using RecipeBot.Core.Conversations;
using RecipeBot.Core.Privacy;
using static RecipeBot.Storage.Postgres.PostgresDatabase;

namespace RecipeBot.Storage.Postgres;

/// <summary>What the conversations and outbox tables keep of a subject: exported, erased, and conversations inactive since a time.</summary>
public sealed partial class PostgresConversationStore : IPersonalDataSource
{
    public async ValueTask<IReadOnlyList<ConversationActivity>> ListInactiveAsync(DateTimeOffset before, ConversationActivity? after, int max, CancellationToken cancellationToken) =>
        await database.ReadAsync(
            (connection, token) => QueryAsync(
                connection,
                null,
                // Keyset paging: after the last (updated_at, id) of the previous page, ids in byte order as in SQLite.
                """
                SELECT id, updated_at FROM conversations
                WHERE updated_at < $1 AND ($3::timestamptz IS NULL OR updated_at > $3 OR (updated_at = $3 AND id > $4 COLLATE "C"))
                ORDER BY updated_at, id COLLATE "C" LIMIT $2
                """,
                r => new ConversationActivity(r.GetString(0), Instant(r, 1)),
                token,
                Utc(before),
                max,
                after is null ? null : Utc(after.UpdatedAt),
                after?.Id ?? string.Empty),
            cancellationToken).ConfigureAwait(false);

    public async ValueTask ExportAsync(PersonalDataSubject subject, JsonObject export, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(export);
        var conversation = await LoadAsync(subject.ConversationId, cancellationToken).ConfigureAwait(false);
        var outbox = await database.ReadAsync(
            (connection, token) => QueryAsync(
                connection, null, "SELECT message FROM outbox WHERE conversation_id = $1 ORDER BY id", r => r.GetString(0), token, subject.ConversationId),
            cancellationToken).ConfigureAwait(false);
        export["conversation"] = conversation is null ? null : PersonalDataJson.Conversation(conversation);
        export["outbox"] = PersonalDataJson.Array(outbox.Select(row => PersonalDataJson.Payload(row)!));
    }

    /// <summary>A whole conversation goes with its outbox rows; a group's stays, it is not one member's.</summary>
    public ValueTask EraseAsync(PersonalDataSubject subject, CancellationToken cancellationToken) =>
        database.EraseConversationAsync(
            subject,
            async (connection, transaction, id, token) =>
            {
                await ExecuteAsync(connection, transaction, "DELETE FROM conversations WHERE id = $1", token, id).ConfigureAwait(false);
                await ExecuteAsync(connection, transaction, "DELETE FROM outbox WHERE conversation_id = $1", token, id).ConfigureAwait(false);
            },
            cancellationToken);
}
