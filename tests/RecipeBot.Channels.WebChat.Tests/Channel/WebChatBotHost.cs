using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace RecipeBot.Channels.WebChat.Tests.Channel;

/// <summary>
/// The real bot (its own composition, <c>BotApplication.Create</c>) with only the web chat on, on loopback, state in
/// a SQLite file, time on a <see cref="FakeTimeProvider"/> and every log line of every category kept.
/// </summary>
public sealed class WebChatBotHost : IAsyncDisposable
{
    public const string Secret = "a-test-secret-that-is-long-enough-0123456789";

    private readonly WebApplication _app;
    private readonly Lines _log;

    private WebChatBotHost(WebApplication app, Uri address, Lines log, FakeTimeProvider time)
    {
        _app = app;
        _log = log;
        Address = address;
        Time = time;
    }

    public Uri Address { get; }

    public FakeTimeProvider Time { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>Every line logged so far, at any level.</summary>
    public IReadOnlyList<string> Logged => [.. _log.Queue];

    public static async Task<WebChatBotHost> StartAsync(string databasePath, FakeTimeProvider? time = null, params string[] settings)
    {
        var log = new Lines();
        var clock = time ?? new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        var app = BotApplication.Create(
            [
                "--environment=Production",
                "--hostBuilder:reloadConfigOnChange=false",
                $"--Storage:SqlitePath={databasePath}",
                $"--RecipeBot:ContentPath={Dialogs()}",
                "--urls=http://127.0.0.1:0",
                "--Logging:LogLevel:Default=Trace",
                "--Reminders:Enabled=false",
                "--WebChat:Enabled=true",
                $"--WebChat:TokenSecret={Secret}",
                .. settings,
            ],
            services =>
            {
                services.AddSingleton<ILoggerProvider>(log);
                services.AddSingleton<TimeProvider>(clock);
            }) ?? throw new InvalidOperationException("No channel was configured.");
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new WebChatBotHost(app, new Uri(address), log, clock);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    /// <summary>The repository's <c>dialogs/</c>.</summary>
    public static string Dialogs() => RecipeBot.Tests.Shared.RepositoryPaths.Dialogs();

    private sealed class Lines : ILoggerProvider
    {
        public ConcurrentQueue<string> Queue { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class Logger(Lines owner, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                owner.Queue.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception}");
        }
    }
}
