using Microsoft.Extensions.Logging;

namespace RecipeBot.Core.Tests;

/// <summary>Counts the errors logged, so that a test can tell a real answer from the error boundary's apology.</summary>
public sealed class CountingLogger<T> : ILogger<T>
{
    private int _errors;

    public int Errors => Volatile.Read(ref _errors);

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (logLevel >= LogLevel.Error)
        {
            Interlocked.Increment(ref _errors);
        }
    }
}
