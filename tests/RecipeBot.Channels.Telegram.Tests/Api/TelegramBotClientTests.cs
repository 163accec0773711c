using System.Text.Json;
using RecipeBot.Channels.Telegram.Api;
using RecipeBot.Channels.Telegram.Tests.Fakes;

namespace RecipeBot.Channels.Telegram.Tests.Api;

public sealed class TelegramBotClientTests
{
    private const long SupergroupId = -1001234567890;
    private static readonly string[] MessagesAndCallbacks = ["message", "callback_query"];

    [Fact]
    public async Task GetMe_ParsesTheBotUser()
    {
        await using var api = await BotApiHarness.StartAsync();

        var me = await api.Client.GetMeAsync(CancellationToken.None);

        Assert.Equal(new TelegramUser(FakeBotApiServer.BotUserId, true, "RecipeBot") { Username = FakeBotApiServer.BotUsername }, me);
    }

    [Fact]
    public async Task SendMessage_SendsA64BitChatIdHtmlParseModeNoLinkPreviewAndTheKeyboardsCallbackData()
    {
        await using var api = await BotApiHarness.StartAsync();
        var keyboard = InlineKeyboardMarkup.SingleColumn([new InlineKeyboardButton("Official", "role:official"), new InlineKeyboardButton("Partner", "role:partner")]);

        var sent = await api.Client.SendMessageAsync(SupergroupId, "<b>Who are you?</b>", keyboard, CancellationToken.None);

        var json = Assert.Single(api.Server.RequestsFor("sendMessage")).Json!.Value;
        Assert.Equal(JsonValueKind.Number, json.GetProperty("chat_id").ValueKind);
        Assert.Equal(SupergroupId, json.GetProperty("chat_id").GetInt64());
        Assert.Equal("<b>Who are you?</b>", json.GetProperty("text").GetString());
        Assert.Equal("HTML", json.GetProperty("parse_mode").GetString());
        Assert.True(json.GetProperty("link_preview_options").GetProperty("is_disabled").GetBoolean());
        var rows = json.GetProperty("reply_markup").GetProperty("inline_keyboard");
        Assert.Equal(["role:official", "role:partner"], rows.EnumerateArray().Select(row => row[0].GetProperty("callback_data").GetString()));
        Assert.Equal("Official", rows[0][0].GetProperty("text").GetString());
        Assert.Equal(SupergroupId, sent.Chat.Id);
        Assert.Equal("supergroup", sent.Chat.Type);
        Assert.Equal("<b>Who are you?</b>", sent.Text);
        Assert.True(sent.MessageId > 0);
    }

    [Fact]
    public async Task SendMessage_WithoutKeyboard_LeavesReplyMarkupOut()
    {
        await using var api = await BotApiHarness.StartAsync();

        await api.Client.SendMessageAsync(42, "Hello", replyMarkup: null, CancellationToken.None);

        var json = Assert.Single(api.Server.RequestsFor("sendMessage")).Json!.Value;
        Assert.False(json.TryGetProperty("reply_markup", out _));
    }

    [Fact]
    public async Task SendDocument_UploadsMultipartFormDataWithTheFileNameBytesAndCaption()
    {
        await using var api = await BotApiHarness.StartAsync();
        byte[] content = [0x25, 0x50, 0x44, 0x46, 0x00, 0xFF, 0x0A];

        var sent = await api.Client.SendDocumentAsync(SupergroupId, "recipes.pdf", content, "<i>Your recipes</i>", CancellationToken.None);

        var request = Assert.Single(api.Server.RequestsFor("sendDocument"));
        Assert.StartsWith("multipart/form-data", request.ContentType, StringComparison.Ordinal);
        Assert.Equal(SupergroupId, request.Int64Parameter("chat_id"));
        Assert.Equal("<i>Your recipes</i>", request.Parameter("caption"));
        Assert.Equal("HTML", request.Parameter("parse_mode"));
        var file = request.Files["document"];
        Assert.Equal("recipes.pdf", file.FileName);
        Assert.Equal(content, file.Content);
        Assert.Equal("<i>Your recipes</i>", sent.Caption);
        Assert.Equal(SupergroupId, sent.Chat.Id);
    }

    [Fact]
    public async Task GetChatMember_SendsChatAndUser_AndReadsTheStatus()
    {
        await using var api = await BotApiHarness.StartAsync();
        api.Server.SetChatMember(SupergroupId, 7, "administrator");

        var member = await api.Client.GetChatMemberAsync(SupergroupId, 7, CancellationToken.None);

        var json = Assert.Single(api.Server.RequestsFor("getChatMember")).Json!.Value;
        Assert.Equal(SupergroupId, json.GetProperty("chat_id").GetInt64());
        Assert.Equal(7, json.GetProperty("user_id").GetInt64());
        Assert.Equal("administrator", member.Status);
        Assert.Equal(7, member.User!.Id);
    }

    [Fact]
    public async Task GetChatMember_Refused_BecomesTelegramApiException()
    {
        await using var api = await BotApiHarness.StartAsync();
        api.Server.Respond("getChatMember", _ => FakeResponse.Error(400, "Bad Request: user not found"));

        var exception = await Assert.ThrowsAsync<TelegramApiException>(() => api.Client.GetChatMemberAsync(SupergroupId, 7, CancellationToken.None));

        Assert.Equal(("getChatMember", 400), (exception.Method, exception.ErrorCode));
    }

    [Fact]
    public async Task DeleteWebhook_KeepsPendingUpdates()
    {
        await using var api = await BotApiHarness.StartAsync();

        await api.Client.DeleteWebhookAsync(CancellationToken.None);

        var json = Assert.Single(api.Server.RequestsFor("deleteWebhook")).Json!.Value;
        Assert.Equal(JsonValueKind.False, json.GetProperty("drop_pending_updates").ValueKind);
    }

    [Fact]
    public async Task SetWebhook_SendsUrlSecretAndAllowedUpdates_AndKeepsPendingUpdates()
    {
        await using var api = await BotApiHarness.StartAsync();
        api.Server.EnqueueUpdate(FakeUpdates.TextMessage(1, "waiting"));

        await api.Client.SetWebhookAsync("https://bot.example.org/telegram", "s3cret_-", MessagesAndCallbacks, CancellationToken.None);
        var info = await api.Client.GetWebhookInfoAsync(CancellationToken.None);

        var json = Assert.Single(api.Server.RequestsFor("setWebhook")).Json!.Value;
        Assert.Equal("https://bot.example.org/telegram", json.GetProperty("url").GetString());
        Assert.Equal("s3cret_-", json.GetProperty("secret_token").GetString());
        Assert.Equal(MessagesAndCallbacks, json.GetProperty("allowed_updates").EnumerateArray().Select(kind => kind.GetString()));
        Assert.Equal(JsonValueKind.False, json.GetProperty("drop_pending_updates").ValueKind);
        Assert.Equal("https://bot.example.org/telegram", info.Url);
        Assert.Equal(1, info.PendingUpdateCount);
        Assert.Equal(MessagesAndCallbacks, info.AllowedUpdates);
    }

    [Fact]
    public async Task GetWebhookInfo_WithoutWebhook_HasAnEmptyUrl()
    {
        await using var api = await BotApiHarness.StartAsync();

        var info = await api.Client.GetWebhookInfoAsync(CancellationToken.None);

        Assert.Equal(new WebhookInfo("", 0), info);
    }

    [Fact]
    public async Task EditMessageReplyMarkup_WithoutMarkup_LeavesReplyMarkupOut_WhichRemovesTheKeyboard()
    {
        await using var api = await BotApiHarness.StartAsync();

        await api.Client.EditMessageReplyMarkupAsync(SupergroupId, 99, replyMarkup: null, CancellationToken.None);

        var json = Assert.Single(api.Server.RequestsFor("editMessageReplyMarkup")).Json!.Value;
        Assert.Equal(SupergroupId, json.GetProperty("chat_id").GetInt64());
        Assert.Equal(99, json.GetProperty("message_id").GetInt64());
        Assert.False(json.TryGetProperty("reply_markup", out _));
    }

    [Fact]
    public async Task EditMessageReplyMarkup_AcceptsTheEditedMessageAsResultToo()
    {
        await using var api = await BotApiHarness.StartAsync();
        api.Server.Respond("editMessageReplyMarkup", _ => FakeResponse.OkJson("""{"message_id": 99, "date": 1, "chat": {"id": 5, "type": "private"}}"""));
        var keyboard = InlineKeyboardMarkup.SingleColumn([new InlineKeyboardButton("Again", "again")]);

        await api.Client.EditMessageReplyMarkupAsync(5, 99, keyboard, CancellationToken.None);

        var json = Assert.Single(api.Server.RequestsFor("editMessageReplyMarkup")).Json!.Value;
        Assert.Equal("again", json.GetProperty("reply_markup").GetProperty("inline_keyboard")[0][0].GetProperty("callback_data").GetString());
    }

    [Fact]
    public async Task AnswerCallbackQuery_SendsTheIdAndTheToastText()
    {
        await using var api = await BotApiHarness.StartAsync();

        await api.Client.AnswerCallbackQueryAsync("cbq-1", "Saved", CancellationToken.None);

        var request = Assert.Single(api.Server.RequestsFor("answerCallbackQuery"));
        Assert.Equal("cbq-1", request.Parameter("callback_query_id"));
        Assert.Equal("Saved", request.Parameter("text"));
    }

    [Fact]
    public async Task SetMyCommands_SendsTheCommandsAndLanguage()
    {
        await using var api = await BotApiHarness.StartAsync();

        await api.Client.SetMyCommandsAsync([new BotCommand("start", "Start over"), new BotCommand("help", "How this works")], "ru", CancellationToken.None);

        var json = Assert.Single(api.Server.RequestsFor("setMyCommands")).Json!.Value;
        Assert.Equal("ru", json.GetProperty("language_code").GetString());
        Assert.Equal("""[{"command":"start","description":"Start over"},{"command":"help","description":"How this works"}]""", json.GetProperty("commands").GetRawText());
    }

    [Fact]
    public async Task ACallThatHangsPastTheRequestTimeout_ThrowsTimeoutException()
    {
        await using var api = await BotApiHarness.StartAsync();
        api.Client.RequestTimeout = TimeSpan.FromMilliseconds(200);
        api.Server.Respond("sendMessage", _ => FakeResponse.OkJson("true") with { Delay = TimeSpan.FromSeconds(30) });

        var exception = await Assert.ThrowsAsync<TimeoutException>(() => api.Client.SendMessageAsync(1, "Hi", null, CancellationToken.None));

        Assert.Equal("Telegram sendMessage did not answer within 0.2 s.", exception.Message);
    }

    [Fact]
    public async Task SuccessfulCalls_AreLoggedAtDebugWithMethodStatusAndElapsedTime()
    {
        await using var api = await BotApiHarness.StartAsync();

        await api.Client.GetMeAsync(CancellationToken.None);

        var entry = Assert.Single(api.Logger.Entries);
        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Debug, entry.Level);
        Assert.Matches(@"^Telegram getMe answered 200 in \d+ ms$", entry.Message);
    }
}
