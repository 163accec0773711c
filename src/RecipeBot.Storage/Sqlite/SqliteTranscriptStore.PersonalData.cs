using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using RecipeBot.Core.Privacy;

namespace RecipeBot.Storage.Sqlite;

/// <summary>What a web chat transcript keeps of a conversation: every activity the visitor and the bot exchanged.</summary>
public sealed partial class SqliteTranscriptStore : IPersonalDataSource
{
    private readonly SqliteCommand _activitiesOf;
    private readonly SqliteCommand _deleteActivities;

    public ValueTask ExportAsync(PersonalDataSubject subject, JsonObject export, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(export);
        return _database.UseAsync(
            () =>
            {
                _activitiesOf.Parameters[0].Value = subject.ConversationId;
                using var reader = _activitiesOf.ExecuteReader();
                var activities = new JsonArray();
                while (reader.Read())
                {
                    activities.Add(JsonNode.Parse(reader.GetString(0)));
                }

                if (activities.Count > 0)
                {
                    export["webChatTranscript"] = activities;
                }
            },
            cancellationToken);
    }

    /// <summary>A visitor's transcript goes with their conversation (web chats have no groups).</summary>
    public ValueTask EraseAsync(PersonalDataSubject subject, CancellationToken cancellationToken)
    {
        return _database.EraseConversationAsync(
            subject,
            id =>
            {
                _deleteActivities.Parameters[0].Value = id;
                _deleteActivities.ExecuteNonQuery();
            },
            [_deleteActivities],
            cancellationToken);
    }
}
