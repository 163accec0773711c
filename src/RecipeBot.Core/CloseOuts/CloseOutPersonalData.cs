using System.Text.Json.Nodes;
using RecipeBot.Core.Privacy;

namespace RecipeBot.Core.CloseOuts;

/// <summary>Meeting close-outs as personal data: in a private chat all of them, in a group only those the user made.</summary>
public sealed class CloseOutPersonalData(ICloseOutStore store) : IPersonalDataSource
{
    public async ValueTask ExportAsync(PersonalDataSubject subject, JsonObject export, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(export);
        var closeOuts = (await store.ListAsync(subject.ConversationId, cancellationToken).ConfigureAwait(false)).Where(c => subject.Owns(c.ClosedBy));
        export["meetingCloseOuts"] = PersonalDataJson.Array(closeOuts.Select(PersonalDataJson.Record));
    }

    public ValueTask EraseAsync(PersonalDataSubject subject, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        if (!subject.WholeConversation && subject.UserId is null)
        {
            return ValueTask.CompletedTask;
        }

        return store.EraseAsync(subject.ConversationId, subject.WholeConversation ? null : subject.UserId, cancellationToken);
    }
}
