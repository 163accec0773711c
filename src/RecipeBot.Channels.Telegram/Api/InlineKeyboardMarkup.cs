namespace RecipeBot.Channels.Telegram.Api;

/// <summary>An inline keyboard attached to a message: rows of buttons.</summary>
public sealed record InlineKeyboardMarkup(IReadOnlyList<IReadOnlyList<InlineKeyboardButton>> InlineKeyboard)
{
    /// <summary>One button per row, the usual layout for a list of choices.</summary>
    public static InlineKeyboardMarkup SingleColumn(IEnumerable<InlineKeyboardButton> buttons) =>
        new([.. buttons.Select(button => (IReadOnlyList<InlineKeyboardButton>)[button])]);
}
