namespace RecipeBot.EndToEnd.Tests.TelegramEmulator;

/// <summary>
/// What the bot answered to one step, as the user's chat shows it: the text of every message up to and
/// including the one with the inline keyboard, and that message's id and buttons.
/// </summary>
internal sealed record BotReply(long MessageId, string Text, IReadOnlyList<(string Label, string CallbackData)> Buttons)
{
    public override string ToString() =>
        $"message {MessageId}: {Text} [{string.Join(" | ", Buttons.Select(b => $"{b.Label} ({b.CallbackData})"))}]";
}
