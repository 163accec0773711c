using RecipeBot.Core.Conversations;
using RecipeBot.Core.Engine;

namespace RecipeBot.Core.Dialogs;

/// <summary>One message being answered: the conversation it changes in memory and what the user sent.</summary>
public sealed class DialogTurn(Conversation conversation, IncomingMessage message, bool isNew, CancellationToken cancellationToken)
{
    public Conversation Conversation { get; } = conversation;

    public IncomingMessage Message { get; } = message;

    /// <summary>The conversation's first message: whatever it says, the greeting comes first.</summary>
    public bool IsNew { get; } = isNew;

    public CancellationToken CancellationToken { get; } = cancellationToken;

    /// <summary>The text as typed, or the id of the button it named (its number, or its label).</summary>
    public string Text { get; set; } = message.Text ?? string.Empty;
}
