namespace RecipeBot;

/// <summary>Something the bot needs is not usable; the message is one line that names it and the setting to look at.</summary>
internal sealed class StartupException(string message, Exception? inner = null) : Exception(message, inner);
