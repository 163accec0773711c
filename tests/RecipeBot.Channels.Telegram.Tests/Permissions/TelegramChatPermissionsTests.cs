using Microsoft.Extensions.Time.Testing;
using RecipeBot.Channels.Telegram.Permissions;
using RecipeBot.Channels.Telegram.Tests.Fakes;
using RecipeBot.Channels.Telegram.Tests.Logging;

namespace RecipeBot.Channels.Telegram.Tests.Permissions;

/// <summary>Group admins from getChatMember, over real HTTP to the fake Bot API, with answers kept for five minutes.</summary>
public sealed class TelegramChatPermissionsTests : IAsyncLifetime
{
    private const long Group = -1_001_234_567_890;
    private const string Conversation = "telegram:-1001234567890";

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly HttpClient _http = new();
    private FakeBotApiServer _telegram = null!;
    private TelegramChatPermissions _permissions = null!;

    private FakeBotApiServer Telegram => _telegram;

    public async Task InitializeAsync()
    {
        _telegram = await FakeBotApiServer.StartAsync();
        _permissions = new TelegramChatPermissions(_telegram.CreateClient(_http), _clock, new CapturingLogger<TelegramChatPermissions>());
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _telegram.DisposeAsync();
    }

    private Task<bool> IsAdminAsync(string userId, string conversationId = Conversation) =>
        _permissions.IsAdminAsync(conversationId, userId, CancellationToken.None).AsTask();

    [Theory]
    [InlineData("creator", true)]
    [InlineData("administrator", true)]
    [InlineData("member", false)]
    [InlineData("restricted", false)]
    [InlineData("left", false)]
    [InlineData("kicked", false)]
    public async Task OwnersAndAdministrators_AreAdmins_EveryoneElseIsNot(string status, bool admin)
    {
        Telegram.SetChatMember(Group, 7, status);

        var isAdmin = await IsAdminAsync("7");

        Assert.Equal(admin, isAdmin);
        var request = Assert.Single(Telegram.RequestsFor("getChatMember"));
        Assert.Equal(Group, request.Int64Parameter("chat_id"));
        Assert.Equal(7, request.Int64Parameter("user_id"));
    }

    [Fact]
    public async Task AnAnswer_IsKeptForFiveMinutes_PerChatAndUser()
    {
        Telegram.SetChatMember(Group, 7, "administrator");

        var first = await IsAdminAsync("7");
        Telegram.SetChatMember(Group, 7, "member");
        _clock.Advance(TimeSpan.FromMinutes(5) - TimeSpan.FromSeconds(1));
        var cached = await IsAdminAsync("7");
        var otherUser = await IsAdminAsync("8");
        _clock.Advance(TimeSpan.FromSeconds(1));
        var renewed = await IsAdminAsync("7");

        Assert.Equal((true, true, false, false), (first, cached, otherUser, renewed));
        Assert.Equal([7L, 8L, 7L], Telegram.RequestsFor("getChatMember").Select(request => request.Int64Parameter("user_id")!.Value));
    }

    [Fact]
    public async Task ARefusal_IsNotAnAdmin_AndIsKept()
    {
        Telegram.Respond("getChatMember", _ => FakeResponse.Error(400, "Bad Request: user not found"));

        var first = await IsAdminAsync("9");
        var second = await IsAdminAsync("9");

        Assert.Equal((false, false), (first, second));
        Assert.Single(Telegram.RequestsFor("getChatMember"));
    }

    [Fact]
    public async Task WhenTelegramCannotAnswer_NobodyIsAnAdmin_AndItIsAskedAgainNextTime()
    {
        Telegram.Respond("getChatMember", _ => FakeResponse.Error(502, "Bad Gateway"));

        var during = await IsAdminAsync("7");
        Telegram.Respond("getChatMember", _ => null);
        Telegram.SetChatMember(Group, 7, "creator");
        var after = await IsAdminAsync("7");

        Assert.Equal((false, true), (during, after));
        Assert.Equal(2, Telegram.RequestsFor("getChatMember").Count);
    }

    [Theory]
    [InlineData("telegram:42", "42")]
    [InlineData("teams:19:abc@thread.v2", "7")]
    [InlineData(Conversation, "29:not-a-telegram-user")]
    public async Task APrivateChat_AnotherChannelOrAStrangeUserId_IsNoAdmin_WithoutAskingTelegram(string conversationId, string userId)
    {
        var isAdmin = await IsAdminAsync(userId, conversationId);

        Assert.False(isAdmin);
        Assert.Empty(Telegram.Requests);
    }
}
