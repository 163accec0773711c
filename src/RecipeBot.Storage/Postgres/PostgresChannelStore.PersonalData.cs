using System.Text.Json.Nodes;
using RecipeBot.Core.Privacy;
using static RecipeBot.Storage.Postgres.PostgresDatabase;

namespace RecipeBot.Storage.Postgres;

/// <summary>What the chats and inbox tables keep of a conversation: its status row and deliveries not handled yet.</summary>
public sealed partial class PostgresChannelStore : IPersonalDataSource
{
    public async ValueTask ExportAsync(PersonalDataSubject subject, JsonObject export, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(export);
        var (chat, pending) = await database.ReadAsync(
            async (connection, token) =>
            {
                var chats = await QueryAsync(
                    connection,
                    null,
                    "SELECT active, migrated_to, updated_at FROM chats WHERE id = $1",
                    r => new JsonObject { ["active"] = r.GetBoolean(0), ["migratedTo"] = Text(r, 1), ["updatedAt"] = Instant(r, 2) },
                    token,
                    subject.ConversationId).ConfigureAwait(false);
                var pending = await QueryAsync(
                    connection,
                    null,
                    "SELECT channel, payload, received_at FROM inbox WHERE partition = $1 ORDER BY channel COLLATE \"C\", sequence",
                    r => (JsonNode)new JsonObject { ["channel"] = r.GetString(0), ["receivedAt"] = Instant(r, 2), ["payload"] = PersonalDataJson.Payload(r.GetString(1)) },
                    token,
                    subject.ConversationId).ConfigureAwait(false);
                return (chats.SingleOrDefault(), pending);
            },
            cancellationToken).ConfigureAwait(false);
        export["chat"] = chat;
        export["inbox"] = PersonalDataJson.Array(pending);
    }

    /// <summary>A whole conversation's status and pending deliveries go; a group's stay, they are not one member's.</summary>
    public ValueTask EraseAsync(PersonalDataSubject subject, CancellationToken cancellationToken) =>
        database.EraseConversationAsync(
            subject,
            async (connection, transaction, id, token) =>
            {
                // The row of a group that became this conversation names it too.
                await ExecuteAsync(connection, transaction, "DELETE FROM chats WHERE id = $1 OR migrated_to = $1", token, id).ConfigureAwait(false);
                await ExecuteAsync(connection, transaction, "DELETE FROM inbox WHERE partition = $1", token, id).ConfigureAwait(false);
            },
            cancellationToken);
}
