using System.Net;
using System.Text.Json.Nodes;
using RecipeBot.Channels.Teams.Receiving;
using RecipeBot.Channels.Teams.Tests.Fakes;

namespace RecipeBot.Channels.Teams.Tests.Channel;

/// <summary>A fake identity service, a fake connector and the bot between them, with its SQLite file in a temp folder.</summary>
public sealed class TeamsTestBed : IAsyncDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("recipebot-teams-").FullName;

    private TeamsTestBed()
    {
    }

    public FakeIdentityServer Identity { get; private set; } = null!;

    public FakeConnectorServer Connector { get; private set; } = null!;

    public TeamsBotHost Bot { get; private set; } = null!;

    public TeamsPoster Poster { get; private set; } = null!;

    public string DatabasePath => Path.Combine(_directory, "bot.db");

    public string ServiceUrl => Connector.ServiceUrl;

    public static async Task<TeamsTestBed> StartAsync(params string[] settings)
    {
        var bed = new TeamsTestBed();
        bed.Identity = await FakeIdentityServer.StartAsync();
        bed.Connector = await FakeConnectorServer.StartAsync();
        await bed.StartBotAsync(settings);
        return bed;
    }

    /// <summary>(Re)starts the bot over the same SQLite file.</summary>
    public Task StartBotAsync(params string[] settings) => StartBotWithAsync(null, settings);

    /// <summary>(Re)starts the bot over the same SQLite file, with <paramref name="replaceServices"/> applied after its composition.</summary>
    public async Task StartBotWithAsync(Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? replaceServices, params string[] settings)
    {
        Bot = await TeamsBotHost.StartAsync(Identity, DatabasePath, replaceServices, settings);
        Poster?.Dispose();
        Poster = new TeamsPoster(Bot.MessagesUrl);
    }

    public async Task StopBotAsync() => await Bot.DisposeAsync();

    /// <summary>A token as the Bot Connector would send with activities from <see cref="ServiceUrl"/>.</summary>
    public BotToken Token => BotToken.For(Identity, ServiceUrl);

    public Task<HttpResponseMessage> PostAsync(JsonObject activity, BotToken? token = null) => Poster.PostAsync(activity, (token ?? Token).Write());

    /// <summary>Posts and expects 200.</summary>
    public async Task SendAsync(JsonObject activity)
    {
        using var response = await PostAsync(activity);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>Posts <paramref name="activity"/> and waits for the bot's reply to it.</summary>
    public async Task<RecordedActivity> ExchangeAsync(JsonObject activity)
    {
        await SendAsync(activity);
        return await Connector.WaitForReplyAsync(activity["conversation"]!["id"]!.GetValue<string>(), activity["id"]!.GetValue<string>());
    }

    /// <summary>No conversation, no reference and (after a moment for queued replies) no outbound activity.</summary>
    public async Task AssertNothingProcessedAsync(string conversationId)
    {
        await Task.Delay(300);
        Assert.Null(await Bot.Conversations.LoadAsync(TeamsActivityHandler.ConversationId(conversationId), CancellationToken.None));
        Assert.Null(await Bot.References.FindAsync(TeamsActivityHandler.ConversationId(conversationId), CancellationToken.None));
        Assert.Empty(Connector.For(conversationId));
    }

    public async ValueTask DisposeAsync()
    {
        await Bot.DisposeAsync();
        Poster.Dispose();
        await Connector.DisposeAsync();
        await Identity.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }
}
