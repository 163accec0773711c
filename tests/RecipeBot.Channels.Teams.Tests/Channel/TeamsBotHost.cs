using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
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

    private TeamsBotHost(WebApplication app, Uri address)
    {
        _app = app;
        MessagesUrl = new Uri(address, "/api/messages");
    }

    public Uri MessagesUrl { get; }

    public IServiceProvider Services => _app.Services;

    public IConversationStore Conversations => Services.GetRequiredService<IConversationStore>();

    public IConversationReferenceStore References => Services.GetRequiredService<IConversationReferenceStore>();

    /// <summary>With an app id, in Production, against <paramref name="identity"/>; retries wait 50 ms.</summary>
    public static Task<TeamsBotHost> StartAsync(FakeIdentityServer identity, string databasePath, params string[] extra) =>
        StartWithAsync(
            [
                $"--Teams:AppId={AppId}",
                $"--Teams:AppPassword={AppPassword}",
                $"--Teams:OpenIdMetadataUrl={identity.MetadataUrl}",
                $"--Teams:Authority={identity.Authority}",
                "--Teams:RetryBaseDelay=00:00:00.050",
                .. extra,
            ],
            databasePath);

    /// <summary>The bot with exactly these settings (plus storage, content, loopback and quiet logs).</summary>
    public static async Task<TeamsBotHost> StartWithAsync(IEnumerable<string> settings, string databasePath)
    {
        var app = Create(settings, databasePath) ?? throw new InvalidOperationException("No channel was configured.");
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new TeamsBotHost(app, new Uri(address));
    }

    /// <summary>Composes (without starting) the bot as production does.</summary>
    public static WebApplication? Create(IEnumerable<string> settings, string databasePath) =>
        BotApplication.Create(
        [
            "--environment=Production",
            "--hostBuilder:reloadConfigOnChange=false",
            $"--Storage:SqlitePath={databasePath}",
            $"--RecipeBot:ContentPath={FindDialogs()}",
            "--urls=http://127.0.0.1:0",
            "--Logging:LogLevel:Default=Warning",
            .. settings,
        ]);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static string FindDialogs()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "dialogs", "flow.yaml")))
            {
                return Path.Combine(dir.FullName, "dialogs");
            }
        }

        throw new InvalidOperationException("dialogs/ not found");
    }
}
