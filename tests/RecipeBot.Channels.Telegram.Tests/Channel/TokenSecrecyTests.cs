using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RecipeBot.Channels.Telegram.Tests.Fakes;
using RecipeBot.Channels.Telegram.Tests.Logging;
using RecipeBot.Core.Channels;

namespace RecipeBot.Channels.Telegram.Tests.Channel;

/// <summary>
/// The token is in every Bot API URL. A whole run of the composed bot — start, polling, a failing poll, a
/// conversation with a button press, a 429, a 403, stop — with every log entry of every category and level
/// captured: the token, and its secret half on its own, is in none of them.
/// </summary>
public sealed class TokenSecrecyTests : IAsyncLifetime
{
    private const string SecretHalf = "AAH-test_token-0123456789abcdefghijkl";
    private const long Chat = 71;
    private const long BlockedChat = 72;

    private readonly string _directory = Directory.CreateTempSubdirectory("recipebot-secrecy-").FullName;
    private FakeBotApiServer _telegram = null!;

    public async Task InitializeAsync() => _telegram = await FakeBotApiServer.StartAsync();

    public async Task DisposeAsync()
    {
        await _telegram.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public void TheSecretHalf_IsPartOfTheTestToken_SoTheCheckBelowCanFail()
    {
        Assert.Equal($"{FakeBotApiServer.BotUserId}:{SecretHalf}", _telegram.Token);
    }

    [Fact]
    public async Task AFullRun_WritesTheTokenInNoLogEntry()
    {
        // Arrange
        var logs = new CapturingLoggerProvider();
        var polls = 0;
        var sends = 0;
        _telegram.Respond("getUpdates", _ => Interlocked.Increment(ref polls) == 1
            ? FakeResponse.Raw(502, "<html><body>502 Bad Gateway</body></html>", "text/html")
            : null);
        _telegram.Respond("sendMessage", request => request.Int64Parameter("chat_id") switch
        {
            BlockedChat => FakeResponse.Error(403, "Forbidden: bot was blocked by the user"),
            _ when Interlocked.Increment(ref sends) == 1 => FakeResponse.Error(429, "Too Many Requests: retry after 1", retryAfter: 1),
            _ => null,
        });

        // Act
        await using (var bot = await BotHost.StartAsync(_telegram, Path.Combine(_directory, "bot.db"), configure: logs.AddTo))
        {
            _telegram.EnqueueUpdate(FakeUpdates.TextMessage(Chat, "/start"));
            _telegram.EnqueueUpdate(FakeUpdates.TextMessage(BlockedChat, "/start"));
            await ReplyAsync(t => t.StartsWith("Hello!", StringComparison.Ordinal));
            _telegram.EnqueueUpdate(FakeUpdates.CallbackQuery(Chat, 1, "en"));
            await ReplyAsync(t => t.StartsWith("Who are you?", StringComparison.Ordinal));
            var chats = bot.Services.GetRequiredService<IChatDirectory>();
            await WaitUntilAsync(async () => !await chats.IsActiveAsync($"telegram:{BlockedChat}", CancellationToken.None));
        }

        // Assert
        var entries = logs.Entries;
        Assert.Contains(entries, e => e.Level == LogLevel.Warning && e.Message.Contains("getUpdates failed", StringComparison.Ordinal));
        Assert.Contains(entries, e => e.Level == LogLevel.Warning && e.Message.Contains($"chat {Chat}: attempt 1 failed with 429", StringComparison.Ordinal));
        Assert.Contains(entries, e => e.Level == LogLevel.Information && e.Message.Contains($"chat {BlockedChat} blocked or removed the bot", StringComparison.Ordinal));
        Assert.Contains(entries, e => e.Level == LogLevel.Debug);
        Assert.All(entries, e => AssertSecret(e.FullText));
        Assert.All(logs.Scopes, AssertSecret);
    }

    private static void AssertSecret(string text)
    {
        Assert.DoesNotContain(FakeBotApiServer.DefaultToken, text, StringComparison.Ordinal);
        Assert.DoesNotContain(SecretHalf, text, StringComparison.Ordinal);
    }

    private Task<RecordedRequest> ReplyAsync(Func<string, bool> text) =>
        _telegram.WaitForAsync("sendMessage", r => r.Int64Parameter("chat_id") == Chat && text(r.Parameter("text") ?? ""));

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 200 && !await condition(); i++)
        {
            await Task.Delay(50);
        }

        Assert.True(await condition(), "The condition did not become true within 10 s.");
    }
}
