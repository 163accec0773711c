namespace RecipeBot.Channels.Telegram.Api;

/// <summary>An entry of the bot's command menu.</summary>
/// <param name="Command">Without the slash: 1–32 lowercase letters, digits and underscores.</param>
/// <param name="Description">1–256 characters.</param>
public sealed record BotCommand(string Command, string Description);
