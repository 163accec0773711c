namespace RecipeBot.Channels.Telegram.Api;

/// <summary>A press on an inline keyboard button.</summary>
public sealed record CallbackQuery(string Id, TelegramUser From)
{
    /// <summary>The message carrying the keyboard; its <c>Date</c> is 0 when the bot can no longer access it.</summary>
    public TelegramMessage? Message { get; init; }

    /// <summary>The button's <c>callback_data</c>.</summary>
    public string? Data { get; init; }
}
