using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace RecipeBot.Channels.Telegram.Tests.Logging;

/// <summary>An <see cref="ILogger{TCategoryName}"/> that keeps every entry, at every level, for assertions.</summary>
public sealed class CapturingLogger<T> : ILogger<T>
{
    private readonly ConcurrentQueue<CapturedLog> _entries = new();

    public IReadOnlyList<CapturedLog> Entries => [.. _entries];

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        _entries.Enqueue(new CapturedLog(logLevel, formatter(state, exception), exception));
}
