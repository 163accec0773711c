using System.Text.Json;
using System.Text.Json.Nodes;
using RecipeBot.Core.Privacy;
using static RecipeBot.Storage.Postgres.PostgresDatabase;

namespace RecipeBot.Storage.Postgres;

/// <summary>
/// What a conversation reference keeps of a subject. A whole conversation's reference goes, unless a farewell is still
/// to be sent through it: then only the user's id and name go, and the channel deletes the rest once the farewell is
/// sent. In a group, the reference loses the user's id and name when they are the member's.
/// </summary>
public sealed partial class PostgresConversationReferenceStore : IPersonalDataSource
{
    public async ValueTask ExportAsync(PersonalDataSubject subject, JsonObject export, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(export);
        var reference = await FindAsync(subject.ConversationId, cancellationToken).ConfigureAwait(false);
        export["conversationReference"] = reference is null ? null : JsonSerializer.SerializeToNode(reference);
    }

    public ValueTask EraseAsync(PersonalDataSubject subject, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        if (subject.WholeConversation && !subject.FarewellFollows)
        {
            return DeleteAsync(subject.ConversationId, cancellationToken);
        }

        // $2 NULL: whoever it names (a whole conversation); otherwise only that member.
        return database.WriteAsync(
            (connection, transaction, token) => ExecuteAsync(
                connection,
                transaction,
                "UPDATE conversation_references SET user_id = NULL, user_name = NULL WHERE id = $1 AND ($2::text IS NULL OR user_id = $2)",
                token,
                subject.ConversationId,
                subject.WholeConversation ? null : subject.UserId ?? string.Empty),
            cancellationToken);
    }

    public ValueTask DeleteAsync(string conversationId, CancellationToken cancellationToken) =>
        database.WriteAsync(
            (connection, transaction, token) => ExecuteAsync(connection, transaction, "DELETE FROM conversation_references WHERE id = $1", token, conversationId),
            cancellationToken);
}
