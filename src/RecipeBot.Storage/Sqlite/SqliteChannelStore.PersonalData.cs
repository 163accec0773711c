using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using RecipeBot.Core.Privacy;

namespace RecipeBot.Storage.Sqlite;

/// <summary>What the chats and inbox tables keep of a conversation: its status row and deliveries not handled yet.</summary>
public sealed partial class SqliteChannelStore : IPersonalDataSource
{
    private readonly SqliteCommand _chatOf;
    private readonly SqliteCommand _inboxOf;
    private readonly SqliteCommand _deleteChat;
    private readonly SqliteCommand _deleteInbox;

    public ValueTask ExportAsync(PersonalDataSubject subject, JsonObject export, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(export);
        return _database.UseAsync(
            () =>
            {
                _chatOf.Parameters[0].Value = subject.ConversationId;
                using (var chat = _chatOf.ExecuteReader())
                {
                    export["chat"] = chat.Read()
                        ? new JsonObject { ["active"] = chat.GetInt64(0) == 1, ["migratedTo"] = chat.IsDBNull(1) ? null : chat.GetString(1), ["updatedAt"] = chat.GetString(2) }
                        : null;
                }

                _inboxOf.Parameters[0].Value = subject.ConversationId;
                using var inbox = _inboxOf.ExecuteReader();
                var pending = new JsonArray();
                while (inbox.Read())
                {
                    pending.Add(new JsonObject { ["channel"] = inbox.GetString(0), ["receivedAt"] = inbox.GetString(2), ["payload"] = PersonalDataJson.Payload(inbox.GetString(1)) });
                }

                export["inbox"] = pending;
            },
            cancellationToken);
    }

    /// <summary>A whole conversation's status and pending deliveries go; a group's stay, they are not one member's.</summary>
    public ValueTask EraseAsync(PersonalDataSubject subject, CancellationToken cancellationToken) =>
        _database.EraseConversationAsync(
            subject,
            id =>
            {
                _deleteChat.Parameters[0].Value = id;
                _deleteChat.ExecuteNonQuery();
                // Rows of groups that migrated into this one go too: forget every remembered status (erasures are rare).
                _known.Clear();
                _deleteInbox.Parameters[0].Value = id;
                _deleteInbox.ExecuteNonQuery();
            },
            [_deleteChat, _deleteInbox],
            cancellationToken);

    private static (SqliteCommand, SqliteCommand, SqliteCommand, SqliteCommand) PreparePersonalData(SqliteDatabase database) =>
    (
        database.Prepare("SELECT active, migrated_to, updated_at FROM chats WHERE id = $id", "$id"),
        database.Prepare("SELECT channel, payload, received_at FROM inbox WHERE partition = $partition ORDER BY channel, sequence", "$partition"),
        // The row of a group that became this conversation names it too.
        database.Prepare("DELETE FROM chats WHERE id = $id OR migrated_to = $id", "$id"),
        database.Prepare("DELETE FROM inbox WHERE partition = $partition", "$partition")
    );
}
