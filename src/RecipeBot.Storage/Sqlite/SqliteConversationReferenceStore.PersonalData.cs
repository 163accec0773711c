using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using RecipeBot.Core.Privacy;

namespace RecipeBot.Storage.Sqlite;

/// <summary>
/// What a conversation reference keeps of a subject. A whole conversation's reference goes, unless a farewell is still
/// to be sent through it: then only the user's id and name go, and the channel deletes the rest once the farewell is
/// sent. In a group, the reference loses the user's id and name when they are the member's.
/// </summary>
public sealed partial class SqliteConversationReferenceStore : IPersonalDataSource
{
    private readonly SqliteCommand _delete;
    private readonly SqliteCommand _forgetUser;

    public async ValueTask ExportAsync(PersonalDataSubject subject, JsonObject export, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(export);
        var reference = await FindAsync(subject.ConversationId, cancellationToken).ConfigureAwait(false);
        export["conversationReference"] = reference is null ? null : System.Text.Json.JsonSerializer.SerializeToNode(reference);
    }

    public ValueTask EraseAsync(PersonalDataSubject subject, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        if (subject.WholeConversation && !subject.FarewellFollows)
        {
            return DeleteAsync(subject.ConversationId, cancellationToken);
        }

        return _database.UseAsync(
            () =>
            {
                _forgetUser.Parameters[0].Value = subject.ConversationId;
                _forgetUser.Parameters[1].Value = subject.WholeConversation ? DBNull.Value : (object?)subject.UserId ?? string.Empty;
                _forgetUser.ExecuteNonQuery();
            },
            cancellationToken);
    }

    public ValueTask DeleteAsync(string conversationId, CancellationToken cancellationToken) =>
        _database.UseAsync(
            () =>
            {
                _delete.Parameters[0].Value = conversationId;
                _delete.ExecuteNonQuery();
            },
            cancellationToken);

    private static (SqliteCommand, SqliteCommand) PreparePersonalData(SqliteDatabase database) =>
    (
        database.Prepare("DELETE FROM conversation_references WHERE id = $id", "$id"),
        // $user NULL: whoever it names (a whole conversation); otherwise only that member.
        database.Prepare(
            "UPDATE conversation_references SET user_id = NULL, user_name = NULL WHERE id = $id AND ($user IS NULL OR user_id = $user)",
            "$id", "$user")
    );
}
