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
    private readonly Lock _gate = new();
    private TaskCompletionSource _logged = new(TaskCreationOptions.RunContinuationsAsynchronously);

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

    /// <summary>The first entry matching <paramref name="predicate"/>, once written; fails after <paramref name="timeout"/>.</summary>
    public async Task<CapturedLog> WaitForAsync(Func<CapturedLog, bool> predicate, TimeSpan timeout)
    {
        using var expired = new CancellationTokenSource(timeout);
        while (true)
        {
            Task logged;
            lock (_gate)
            {
                logged = _logged.Task;
            }

            if (_entries.FirstOrDefault(predicate) is { } match)
            {
                return match;
            }

            try
            {
                await logged.WaitAsync(expired.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"No matching log entry was written within {timeout.TotalSeconds:0.#} s.");
            }
        }
    }

    private void Add(CapturedLog entry)
    {
        _entries.Enqueue(entry);
        TaskCompletionSource logged;
        lock (_gate)
        {
            logged = _logged;
            _logged = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        logged.TrySetResult();
    }

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
            owner.Add(new CapturedLog(logLevel, formatter(state, exception), exception) { Category = category, State = Describe(state) });

        /// <summary>Each value a structured sink would write, not only those the message shows.</summary>
        private static string Describe<TState>(TState state) => state is IEnumerable<KeyValuePair<string, object?>> values
            ? string.Join("; ", values.Select(value => $"{value.Key}={value.Value}"))
            : $"{state}";
    }
}
