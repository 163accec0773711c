using RecipeBot.Channels.Teams.Schema;
using RecipeBot.Core.Channels;
using RecipeBot.Core.Engine;

namespace RecipeBot.Channels.Teams.Sending;

/// <summary>
/// Renders the engine's reply as a Teams message: the text as plain text, and the choices as
/// Hero cards whose <c>messageBack</c> buttons send the choice id back. Suggested actions would
/// show only three, so they are not used; a card holds at most six buttons, more go on a next card.
/// </summary>
public static class TeamsReply
{
    /// <summary>The property of a button's value that carries the choice id.</summary>
    public const string ChoiceProperty = "choice";

    public static TeamsActivity From(OutgoingMessage reply, ConversationReference reference, string? replyToId = null)
    {
        ArgumentNullException.ThrowIfNull(reply);
        ArgumentNullException.ThrowIfNull(reference);
        var cards = new List<Attachment>();
        for (var start = 0; start < reply.Choices.Count; start += HeroCard.MaxButtons)
        {
            var buttons = reply.Choices
                .Skip(start)
                .Take(HeroCard.MaxButtons)
                .Select(choice => new CardAction(CardAction.MessageBack, choice.Label)
                {
                    Text = choice.Id,
                    DisplayText = choice.Label,
                    Value = new Dictionary<string, string> { [ChoiceProperty] = choice.Id },
                })
                .ToList();
            cards.Add(new Attachment(HeroCard.ContentType, new HeroCard(buttons)));
        }

        return new TeamsActivity
        {
            Type = ActivityTypes.Message,
            From = reference.BotId is null ? null : new ChannelAccount(reference.BotId, reference.BotName),
            Recipient = reference.UserId is null ? null : new ChannelAccount(reference.UserId, reference.UserName),
            Conversation = new ConversationAccount(reference.ConversationId) { ConversationType = reference.ConversationType, TenantId = reference.TenantId },
            ReplyToId = replyToId,
            Text = reply.Text,
            TextFormat = "plain",
            Locale = reply.Language,
            AttachmentLayout = cards.Count > 0 ? "list" : null,
            Attachments = cards.Count > 0 ? cards : null,
        };
    }
}
