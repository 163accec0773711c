using System.Text;
using System.Text.Json.Nodes;
using RecipeBot.Channels.Telegram.Receiving;
using RecipeBot.Channels.Telegram.Tests.Fakes;
using RecipeBot.Core.Channels;
using RecipeBot.Core.Engine;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace RecipeBot.Channels.Telegram.Tests.Sending;

/// <summary>Replies with attachments and proactive messages through the queue, over real HTTP to the fake Bot API.</summary>
public sealed class TelegramChannelSenderTests : IAsyncLifetime
{
    private const long Supergroup = -1_001_234_567_890;
    private static readonly byte[] Calendar = Encoding.UTF8.GetBytes("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n");

    private LoopbackSenderHarness _harness = null!;

    private FakeBotApiServer Telegram => _harness.Server;

    public async Task InitializeAsync() => _harness = await LoopbackSenderHarness.StartAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    private static OutgoingMessage Message(string conversationId, string text = "The working group meets on Tuesday at 18:00.", bool withAttachment = true) =>
        new(conversationId, text, [new ChoiceView("ok", "OK")], [], "meeting", "en",
            Attachment: withAttachment ? new MessageAttachment("working-group.ics", "text/calendar", Calendar) : null);

    private static FakeResponse AcceptedMessage(RecordedRequest request) =>
        FakeResponse.OkJson(new JsonObject
        {
            ["message_id"] = 1,
            ["chat"] = FakeUpdates.Chat(request.Int64Parameter("chat_id")!.Value),
            ["date"] = 1_700_000_000,
        }.ToJsonString());

    [Fact]
    public async Task AReplyWithAnAttachment_SendsTheTextThenTheDocument_AtLeastTheChatsIntervalApart()
    {
        var reply = TelegramReply.From(Message("telegram:42", "Tuesdays <18:00>"), new Chat { Id = 42, Type = ChatType.Private });

        await _harness.Sender.EnqueueAsync(reply, CancellationToken.None);
        var document = await Telegram.WaitForAsync("sendDocument");

        var requests = Telegram.Requests;
        var text = Assert.Single(requests, request => request.Method == "sendMessage");
        Assert.True(requests.ToList().IndexOf(text) < requests.ToList().IndexOf(document), "The document arrived before its text.");
        Assert.Equal("Tuesdays &lt;18:00&gt;", text.Parameter("text"));
        Assert.NotNull(text.ParameterJson("reply_markup"));
        Assert.Equal(42, document.Int64Parameter("chat_id"));
        Assert.Equal("working-group.ics", document.FileFor("document")!.FileName);
        Assert.Equal(Calendar, document.FileFor("document")!.Content);
        Assert.Null(document.Parameter("caption"));
        Assert.True(document.At - text.At >= TimeSpan.FromSeconds(0.95), $"The document followed its text after {document.At - text.At}, within Telegram's one message per second per chat.");
    }

    [Theory]
    [InlineData(42L)]
    [InlineData(Supergroup)]
    public async Task AProactiveMessage_IsSent_OnlyOnceTelegramAcceptedItsDocument(long chatId)
    {
        Telegram.Respond("sendDocument", request => AcceptedMessage(request) with { Delay = TimeSpan.FromMilliseconds(500) });

        var sending = _harness.ChannelSender.SendAsync(Message($"telegram:{chatId}"), CancellationToken.None).AsTask();
        await Telegram.WaitForAsync("sendDocument");
        var completedBeforeTheAnswer = sending.IsCompleted;

        Assert.Equal(SendOutcome.Sent, await sending);
        Assert.False(completedBeforeTheAnswer);
        Assert.Equal(chatId, Assert.Single(Telegram.RequestsFor("sendMessage")).Int64Parameter("chat_id"));
        Assert.Equal(chatId, Assert.Single(Telegram.RequestsFor("sendDocument")).Int64Parameter("chat_id"));
    }

    [Fact]
    public async Task AProactiveMessageToAChatThatBlockedTheBot_IsBlocked_AndTheChatMarkedInactive()
    {
        Telegram.Respond("sendMessage", _ => FakeResponse.Error(403, "Forbidden: bot was blocked by the user"));

        var outcome = await _harness.ChannelSender.SendAsync(Message("telegram:43"), CancellationToken.None);

        Assert.Equal(SendOutcome.Blocked, outcome);
        Assert.False(await _harness.Chats.IsActiveAsync("telegram:43", CancellationToken.None));
        Assert.Empty(Telegram.RequestsFor("sendDocument"));
    }

    [Fact]
    public async Task AProactiveMessageToAChatKnownInactive_IsBlocked_WithoutAskingTelegram()
    {
        await _harness.Chats.SetActiveAsync("telegram:44", false, CancellationToken.None);

        var outcome = await _harness.ChannelSender.SendAsync(Message("telegram:44"), CancellationToken.None);

        Assert.Equal(SendOutcome.Blocked, outcome);
        Assert.Empty(Telegram.RequestsFor("sendMessage"));
    }

    [Fact]
    public async Task AMessageAProxyAnsweredWithAnHtmlPage_IsSentAgain_AndCountsAsSentOnce()
    {
        // Telegram.Bot reports a body that is no Bot API answer as a RequestException with the HTTP status, not an ApiRequestException.
        var attempts = 0;
        Telegram.Respond("sendMessage", _ => Interlocked.Increment(ref attempts) == 1
            ? FakeResponse.Raw(502, "<html><body><h1>502 Bad Gateway</h1></body></html>", "text/html")
            : null);

        var outcome = await _harness.ChannelSender.SendAsync(Message("telegram:46", withAttachment: false), CancellationToken.None);

        Assert.Equal(SendOutcome.Sent, outcome);
        Assert.Equal(2, Telegram.RequestsFor("sendMessage").Count);
        Assert.Equal((1, 1), (_harness.Sender.Statistics.Sent, _harness.Sender.Statistics.Retried));
    }

    [Fact]
    public async Task AMessageTelegramRefusesAsABadRequest_IsRejected()
    {
        Telegram.Respond("sendMessage", _ => FakeResponse.Error(400, "Bad Request: chat not found"));

        var outcome = await _harness.ChannelSender.SendAsync(Message("telegram:45", withAttachment: false), CancellationToken.None);

        Assert.Equal(SendOutcome.Rejected, outcome);
    }

    [Theory]
    [InlineData("teams:19:abc@thread.v2")]
    [InlineData("telegram:not-a-number")]
    [InlineData("telegram:0")]
    public async Task AConversationThatIsNoTelegramChat_HasNoRoute(string conversationId)
    {
        var outcome = await _harness.ChannelSender.SendAsync(Message(conversationId), CancellationToken.None);

        Assert.Equal(SendOutcome.NoRoute, outcome);
        Assert.Empty(Telegram.Requests);
    }

    [Fact]
    public async Task ARussianReply_TravelsAsPlainUtf8Json_WithOnlyWhatJsonAndHtmlNeedEscaped()
    {
        const string Text = "Рабочая группа собирается во вторник в 18:00 — «Дом культуры» & <библиотека>.";

        var outcome = await _harness.ChannelSender.SendAsync(Message("telegram:47", Text, withAttachment: false), CancellationToken.None);

        Assert.Equal(SendOutcome.Sent, outcome);
        var sent = Assert.Single(Telegram.RequestsFor("sendMessage"));
        Assert.StartsWith("application/json", sent.ContentType, StringComparison.Ordinal);
        // Written whole and sent with its length, not in chunks.
        Assert.Equal(Encoding.UTF8.GetByteCount(sent.Body), sent.ContentLength);
        // The letters as they are; the HTML the reply is written in is escaped once by the bot, and JSON's own
        // escapes keep '<', '>' and '&' out of the raw text.
        Assert.Contains("Рабочая группа собирается во вторник", sent.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u04", sent.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("<библиотека>", sent.Body, StringComparison.Ordinal);
        Assert.Equal("Рабочая группа собирается во вторник в 18:00 — «Дом культуры» &amp; &lt;библиотека&gt;.", sent.Parameter("text"));
        Assert.True(Encoding.UTF8.GetByteCount(sent.Body) < 2 * Encoding.UTF8.GetByteCount(Text) + 300, $"{sent.Body.Length} characters on the wire");
    }
}
