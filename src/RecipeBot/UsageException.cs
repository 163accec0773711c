namespace RecipeBot;

/// <summary>The command line itself is wrong: the usage is printed with the message, exit code 2.</summary>
internal sealed class UsageException(string message) : Exception(message);
