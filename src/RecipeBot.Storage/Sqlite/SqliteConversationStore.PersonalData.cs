using System.Globalization;
using System.Text.Json.Nodes;
using RecipeBot.Core.Conversations;
using RecipeBot.Core.Privacy;

namespace RecipeBot.Storage.Sqlite;

/// <summary>What the conversations and outbox tables keep of a subject: exported, erased, and conversations inactive since a time.</summary>
public sealed partial class SqliteConversationStore : IPersonalDataSource
{
    public ValueTask<IReadOnlyList<ConversationActivity>> ListInactiveAsync(DateTimeOffset before, ConversationActivity? after, int max, CancellationToken cancellationToken) =>
        _database.UseAsync<IReadOnlyList<ConversationActivity>>(
            () =>
            {
                // Stored instants are UTC round-trip text of one width, so text order is time order.
                _inactive.Parameters[0].Value = Instant(before);
                _inactive.Parameters[1].Value = max;
                _inactive.Parameters[2].Value = after is null ? string.Empty : Instant(after.UpdatedAt);
                _inactive.Parameters[3].Value = after?.Id ?? string.Empty;
                using var reader = _inactive.ExecuteReader();
                var found = new List<ConversationActivity>();
                while (reader.Read())
                {
                    found.Add(new ConversationActivity(reader.GetString(0), ParseInstant(reader.GetString(1))));
                }

                return found;
            },
            cancellationToken);

    private static string Instant(DateTimeOffset value) => value.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    public async ValueTask ExportAsync(PersonalDataSubject subject, JsonObject export, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(export);
        var conversation = await LoadAsync(subject.ConversationId, cancellationToken).ConfigureAwait(false);
        var outbox = await _database.UseAsync(() => _outbox.OfConversation(subject.ConversationId), cancellationToken).ConfigureAwait(false);
        export["conversation"] = conversation is null ? null : PersonalDataJson.Conversation(conversation);
        export["outbox"] = PersonalDataJson.Array(outbox.Select(row => PersonalDataJson.Payload(row)!));
    }

    /// <summary>A whole conversation goes with its outbox rows; a group's stays, it is not one member's.</summary>
    public ValueTask EraseAsync(PersonalDataSubject subject, CancellationToken cancellationToken) =>
        _database.EraseConversationAsync(
            subject,
            id =>
            {
                _delete.Parameters[0].Value = id;
                _delete.ExecuteNonQuery();
                _outbox.DeleteConversation(id);
            },
            [_delete, .. _outbox.Writes],
            cancellationToken);
}
