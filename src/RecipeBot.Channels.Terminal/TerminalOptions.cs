namespace RecipeBot.Channels.Terminal;

/// <summary>How the terminal chat runs (set from the command line).</summary>
public sealed class TerminalOptions
{
    /// <summary>JSON lines in and out instead of a human dialogue.</summary>
    public bool JsonLines { get; set; }

    /// <summary>The conversation used when an input line names none.</summary>
    public string DefaultChat { get; set; } = "local";

    /// <summary>
    /// Where files the bot sends (an export, a meeting's <c>.ics</c>) are written, a folder per chat; null writes none.
    /// Relative paths are taken from the working directory; the <c>chat</c> command uses <see cref="DefaultAttachmentsPath"/>.
    /// </summary>
    public string? AttachmentsPath { get; set; }

    public const string DefaultAttachmentsPath = "data/attachments";
}
