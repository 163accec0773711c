using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RecipeBot.Channels.Teams.Tests.Fakes;
using RecipeBot.Core.Channels;
using RecipeBot.Core.Conversations;

namespace RecipeBot.Channels.Teams.Tests.Channel;

/// <summary>The real bot (its own composition, <c>BotApplication.Create</c>) on loopback, with Teams pointed at the fakes and state in a temp SQLite file.</summary>
public sealed class TeamsBotHost : IAsyncDisposable
{
    public const string AppId = "test-app-id";
    public const string AppPassword = "test-app-secret";

    private readonly WebApplication _app;

    private readonly LogLines _log;

    private TeamsBotHost(WebApplication app, Uri address, LogLines log)
    {
        _app = app;
        _log = log;
        MessagesUrl = new Uri(address, "/api/messages");
    }

    /// <summary>Every warning and error the bot logged, formatted.</summary>
    public IReadOnlyList<string> Logged => _log.Lines;

    public Uri MessagesUrl { get; }

    public IServiceProvider Services => _app.Services;

    public IConversationStore Conversations => Services.GetRequiredService<IConversationStore>();

    public IConversationReferenceStore References => Services.GetRequiredService<IConversationReferenceStore>();

    /// <summary>With an app id, in Production, against <paramref name="identity"/>; retries wait 50 ms.</summary>
    public static Task<TeamsBotHost> StartAsync(FakeIdentityServer identity, string databasePath, params string[] extra) =>
        StartAsync(identity, databasePath, null, extra);

    /// <summary>As above; <paramref name="replaceServices"/> runs after the composition (a failing store, say).</summary>
    public static Task<TeamsBotHost> StartAsync(FakeIdentityServer identity, string databasePath, Action<IServiceCollection>? replaceServices, params string[] extra) =>
        StartWithAsync(
            [
                $"--Teams:AppId={AppId}",
                $"--Teams:AppPassword={AppPassword}",
                $"--Teams:OpenIdMetadataUrl={identity.MetadataUrl}",
                $"--Teams:Authority={identity.Authority}",
                "--Teams:RetryBaseDelay=00:00:00.050",
                .. extra,
            ],
            databasePath,
            replaceServices);

    /// <summary>The bot with exactly these settings (plus storage, content, loopback and quiet logs).</summary>
    public static async Task<TeamsBotHost> StartWithAsync(IEnumerable<string> settings, string databasePath, Action<IServiceCollection>? replaceServices = null)
    {
        var log = new LogLines();
        var app = Create(settings, databasePath, services =>
        {
            services.AddSingleton<ILoggerProvider>(log);
            replaceServices?.Invoke(services);
        }) ?? throw new InvalidOperationException("No channel was configured.");
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new TeamsBotHost(app, new Uri(address), log);
    }

    /// <summary>Composes (without starting) the bot as production does.</summary>
    public static WebApplication? Create(IEnumerable<string> settings, string databasePath, Action<IServiceCollection>? replaceServices = null) =>
        BotApplication.Create(
        [
            "--environment=Production",
            "--hostBuilder:reloadConfigOnChange=false",
            $"--Storage:SqlitePath={databasePath}",
            $"--RecipeBot:ContentPath={FindDialogs()}",
            "--urls=http://127.0.0.1:0",
            "--Logging:LogLevel:Default=Warning",
            .. settings,
        ],
        replaceServices);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static string FindDialogs() => RecipeBot.Tests.Shared.RepositoryPaths.Dialogs();
}
