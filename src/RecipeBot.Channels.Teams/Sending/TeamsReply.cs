using RecipeBot.Channels.Teams.Schema;
using RecipeBot.Core.Channels;
using RecipeBot.Core.Engine;

namespace RecipeBot.Channels.Teams.Sending;

/// <summary>
/// Renders the engine's reply as a Teams message: the text as plain text, and the choices as
/// Hero cards whose <c>messageBack</c> buttons send the choice id back. Suggested actions would
/// show only three, so they are not used; a card holds at most six buttons, more go on a next card.
/// A file (<see cref="OutgoingMessage.Attachment"/>) follows the cards as one more attachment.
/// </summary>
public static class TeamsReply
{
    /// <summary>The property of a button's value that carries the choice id.</summary>
    public const string ChoiceProperty = "choice";

    public static TeamsActivity From(OutgoingMessage reply, ConversationReference reference, string? replyToId = null)
    {
        ArgumentNullException.ThrowIfNull(reply);
        ArgumentNullException.ThrowIfNull(reference);
        var attachments = new List<Attachment>();
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
            attachments.Add(new Attachment(HeroCard.ContentType, new HeroCard(buttons)));
        }

        // The buttons keep the list layout; the file (a meeting's .ics) travels inline on the same activity.
        var layout = attachments.Count > 0 ? "list" : null;
        if (reply.Attachment is { } file)
        {
            attachments.Add(File(file));
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
            AttachmentLayout = layout,
            Attachments = attachments.Count > 0 ? attachments : null,
        };
    }

    /// <summary>A file as a Bot Framework attachment whose content URL is a data: URL, so no file host is needed.</summary>
    public static Attachment File(MessageAttachment file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return new Attachment(file.ContentType, null)
        {
            Name = file.FileName,
            ContentUrl = $"data:{file.ContentType};base64,{Convert.ToBase64String(file.Content)}",
        };
    }
}
