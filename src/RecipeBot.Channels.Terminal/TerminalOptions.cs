namespace RecipeBot.Channels.Terminal;

/// <summary>How the terminal chat runs (set from the command line).</summary>
public sealed class TerminalOptions
{
    /// <summary>JSON lines in and out instead of a human dialogue.</summary>
    public bool JsonLines { get; set; }

    /// <summary>The conversation used when an input line names none.</summary>
    public string DefaultChat { get; set; } = "local";
}
