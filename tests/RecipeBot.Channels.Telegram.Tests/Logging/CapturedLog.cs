using Microsoft.Extensions.Logging;

namespace RecipeBot.Channels.Telegram.Tests.Logging;

/// <summary>One log call as <see cref="CapturingLogger{T}"/> saw it.</summary>
/// <param name="Level">The log level.</param>
/// <param name="Message">The formatted message.</param>
/// <param name="Exception">The exception passed with it, if any.</param>
public sealed record CapturedLog(LogLevel Level, string Message, Exception? Exception)
{
    /// <summary>Everything a log sink could write for this entry, exception chain and stack included.</summary>
    public string FullText => Exception is null ? Message : $"{Message}{Environment.NewLine}{Exception}";
}
