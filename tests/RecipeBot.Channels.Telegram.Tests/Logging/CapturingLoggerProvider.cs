using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace RecipeBot.Channels.Telegram.Tests.Logging;

/// <summary>
/// Keeps every log entry of a composed bot — every category, every level, and the state of every scope — so
/// a test can look for what must never be written.
/// </summary>
public sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<CapturedLog> _entries = new();
    private readonly ConcurrentQueue<string> _scopes = new();

    public IReadOnlyList<CapturedLog> Entries => [.. _entries];

    /// <summary>What scopes were opened with (ASP.NET Core puts request paths there, for one).</summary>
    public IReadOnlyList<string> Scopes => [.. _scopes];

    /// <summary>
    /// Adds the provider to <paramref name="services"/> with a rule of its own, which overrides the
    /// configuration's levels (appsettings' "Warning" for Microsoft.*, say) for this provider only.
    /// </summary>
    public void AddTo(IServiceCollection services)
    {
        services.AddSingleton<ILoggerProvider>(this);
        services.Configure<LoggerFilterOptions>(options =>
            options.Rules.Add(new LoggerFilterRule(typeof(CapturingLoggerProvider).FullName, null, LogLevel.Trace, null)));
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturingLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull
        {
            owner._scopes.Enqueue($"{category}: {Describe(state)}");
            return null;
        }

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner._entries.Enqueue(new CapturedLog(logLevel, formatter(state, exception), exception) { Category = category, State = Describe(state) });

        /// <summary>Each value a structured sink would write, not only those the message shows.</summary>
        private static string Describe<TState>(TState state) => state is IEnumerable<KeyValuePair<string, object?>> values
            ? string.Join("; ", values.Select(value => $"{value.Key}={value.Value}"))
            : $"{state}";
    }
}
