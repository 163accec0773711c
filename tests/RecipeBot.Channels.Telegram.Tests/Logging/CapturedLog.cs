using Microsoft.Extensions.Logging;

namespace RecipeBot.Channels.Telegram.Tests.Logging;

/// <summary>One log call as <see cref="CapturingLogger{T}"/> saw it.</summary>
/// <param name="Level">The log level.</param>
/// <param name="Message">The formatted message.</param>
/// <param name="Exception">The exception passed with it, if any.</param>
public sealed record CapturedLog(LogLevel Level, string Message, Exception? Exception)
{
    /// <summary>The logger's category, when a <see cref="CapturingLoggerProvider"/> captured it.</summary>
    public string Category { get; init; } = "";

    /// <summary>The state as text (a structured sink may write it besides the message).</summary>
    public string State { get; init; } = "";

    /// <summary>Everything a log sink could write for this entry, exception chain and stack included.</summary>
    public string FullText => string.Join(Environment.NewLine, Category, Message, State, Exception?.ToString() ?? "");
}
