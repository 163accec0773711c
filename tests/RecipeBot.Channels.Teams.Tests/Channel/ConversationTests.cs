using System.Net;
using System.Text.Json;
using RecipeBot.Channels.Teams.Receiving;
using RecipeBot.Channels.Teams.Tests.Fakes;

namespace RecipeBot.Channels.Teams.Tests.Channel;

/// <summary>Conversations through real HTTP: activities posted to /api/messages, replies read at the fake connector.</summary>
public sealed class ConversationTests : IAsyncLifetime
{
    private TeamsTestBed _bed = null!;

    public async Task InitializeAsync() => _bed = await TeamsTestBed.StartAsync();

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    [Fact]
    public async Task AUserWhoAddsTheBot_IsGreeted_AndWalksToARecipe_ByPressingCardButtons()
    {
        const string conversation = "a:personal-walk";

        var greeting = await _bed.ExchangeAsync(Activities.BotAdded(_bed.ServiceUrl, conversation, locale: "en-US"));

        Assert.StartsWith("Hello! I am RecipeBot.", greeting.Text, StringComparison.Ordinal);
        Assert.Equal("Bearer " + FakeIdentityServer.AccessToken(1), greeting.Authorization);
        Assert.Equal("message", greeting.Activity.GetProperty("type").GetString());
        Assert.Equal("plain", greeting.Activity.GetProperty("textFormat").GetString());
        Assert.Equal(Activities.BotId, greeting.Activity.GetProperty("from").GetProperty("id").GetString());
        Assert.Equal(conversation, greeting.Activity.GetProperty("conversation").GetProperty("id").GetString());
        Assert.Equal(["et", "en", "ru"], greeting.Buttons.Select(b => b.GetProperty("value").GetProperty("choice").GetString()));
        Assert.All(greeting.Buttons, b => Assert.Equal("messageBack", b.GetProperty("type").GetString()));

        var reply = greeting;
        foreach (var press in new[] { "en", "official", "contact" })
        {
            reply = await _bed.ExchangeAsync(Activities.Press(_bed.ServiceUrl, conversation, reply.Button(press)));
        }

        var recipes = await _bed.ExchangeAsync(Activities.Press(_bed.ServiceUrl, conversation, reply.Button("no-partners")));

        Assert.StartsWith("What helps with", recipes.Text, StringComparison.Ordinal);
        Assert.Contains("“We can't find NGOs or active residents”", recipes.Text, StringComparison.Ordinal);
        var stored = await _bed.Bot.Conversations.LoadAsync(TeamsActivityHandler.ConversationId(conversation), CancellationToken.None);
        Assert.Equal("contact/no-partners", stored!.State);
        Assert.Equal("official", stored.Role);
        Assert.Equal(["contact/no-partners"], stored.SituationsSeen);
    }

    [Fact]
    public async Task ACardWithMoreThanSixChoices_IsSplitIntoCardsOfSixButtons()
    {
        const string conversation = "a:many-buttons";
        var reply = await _bed.ExchangeAsync(Activities.BotAdded(_bed.ServiceUrl, conversation));
        foreach (var press in new[] { "en", "coordinator", "planning", "priorities" })
        {
            reply = await _bed.ExchangeAsync(Activities.Press(_bed.ServiceUrl, conversation, reply.Button(press)));
        }

        var cards = reply.Activity.GetProperty("attachments").EnumerateArray().ToList();
        Assert.True(reply.Buttons.Count > 6, $"planning/priorities should offer more than six choices, it offers {reply.Buttons.Count}");
        Assert.All(cards, card => Assert.Equal("application/vnd.microsoft.card.hero", card.GetProperty("contentType").GetString()));
        Assert.All(cards, card => Assert.InRange(card.GetProperty("content").GetProperty("buttons").GetArrayLength(), 1, 6));
    }

    [Theory]
    [InlineData("et-EE", "Tere!")]
    [InlineData("en-US", "Hello!")]
    [InlineData("ru-RU", "Здравствуйте!")]
    [InlineData("de-DE", "Tere!")]
    public async Task TheLocaleOfTheActivity_PicksTheLanguage(string locale, string greetingStart)
    {
        var conversation = "a:locale-" + locale;

        var greeting = await _bed.ExchangeAsync(Activities.Message(_bed.ServiceUrl, conversation, "/start", locale: locale));

        Assert.StartsWith(greetingStart, greeting.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InAGroupChat_TheBotActsOnlyWhenMentioned_AndTheMentionIsStripped()
    {
        const string group = "19:group-chat@thread.v2";
        await _bed.SendAsync(Activities.Message(_bed.ServiceUrl, group, "just talking among ourselves", conversationType: "groupChat"));
        var greeting = await _bed.ExchangeAsync(Activities.Mentioning(Activities.Message(_bed.ServiceUrl, group, "<at>RecipeBot</at> hello", conversationType: "groupChat")));

        var second = await _bed.ExchangeAsync(Activities.Mentioning(Activities.Message(_bed.ServiceUrl, group, "<at>RecipeBot</at>&nbsp;2", conversationType: "groupChat")));
        // A card button reaches the bot without a mention.
        var third = await _bed.ExchangeAsync(Activities.Press(_bed.ServiceUrl, group, second.Button("official"), conversationType: "groupChat"));

        Assert.StartsWith("Hello! I am RecipeBot.", greeting.Text, StringComparison.Ordinal);
        Assert.StartsWith("Who are you?", second.Text, StringComparison.Ordinal);
        Assert.NotNull(third.Text);
        Assert.Equal(3, _bed.Connector.For(group).Count);
        var stored = await _bed.Bot.Conversations.LoadAsync(TeamsActivityHandler.ConversationId(group), CancellationToken.None);
        Assert.Equal("phase", stored!.State);
    }

    [Fact]
    public async Task AChannelMessageThatMentionsNobody_HasNoEffect()
    {
        const string channel = "19:general@thread.tacv2;messageid=1700000000000";

        await _bed.SendAsync(Activities.Message(_bed.ServiceUrl, channel, "RecipeBot is great", conversationType: "channel"));

        await Task.Delay(300);
        Assert.Null(await _bed.Bot.Conversations.LoadAsync(TeamsActivityHandler.ConversationId(channel), CancellationToken.None));
        Assert.Empty(_bed.Connector.For(channel));
    }

    [Fact]
    public async Task TheSameActivityDeliveredTwice_HasEffectOnce()
    {
        const string conversation = "a:redelivered";
        await _bed.ExchangeAsync(Activities.BotAdded(_bed.ServiceUrl, conversation));
        var choice = Activities.Message(_bed.ServiceUrl, conversation, "en", id: "1700000000001");

        await _bed.ExchangeAsync(choice);
        await _bed.SendAsync(choice.DeepClone().AsObject());
        var next = await _bed.ExchangeAsync(Activities.Message(_bed.ServiceUrl, conversation, "official"));

        Assert.StartsWith("Which stage", next.Text, StringComparison.Ordinal);
        Assert.Equal(3, _bed.Connector.For(conversation).Count);
        Assert.Single(_bed.Connector.For(conversation), r => r.ReplyToId == "1700000000001");
    }

    [Fact]
    public async Task AnAdaptiveCardAction_IsAnsweredInTheBody_AndTheReplyGoesThroughTheConnector()
    {
        const string conversation = "a:universal-action";
        await _bed.ExchangeAsync(Activities.BotAdded(_bed.ServiceUrl, conversation));
        var invoke = Activities.Of("invoke", _bed.ServiceUrl, conversation, "adaptiveCard/action");
        invoke["value"] = System.Text.Json.Nodes.JsonNode.Parse("""{"action": {"type": "Action.Execute", "verb": "choose", "data": {"choice": "ru"}}}""");

        using var response = await _bed.PostAsync(invoke);
        var reply = await _bed.Connector.WaitForReplyAsync(conversation, invoke["id"]!.GetValue<string>());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(200, body.GetProperty("statusCode").GetInt32());
        Assert.Equal("application/vnd.microsoft.activity.message", body.GetProperty("type").GetString());
        Assert.StartsWith("Кто вы?", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownInvoke_Is501_AndChangesNothing()
    {
        const string conversation = "a:unknown-invoke";

        using var response = await _bed.PostAsync(Activities.Of("invoke", _bed.ServiceUrl, conversation, "task/fetch"));

        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
        await Task.Delay(300);
        Assert.Null(await _bed.Bot.Conversations.LoadAsync(TeamsActivityHandler.ConversationId(conversation), CancellationToken.None));
        Assert.Empty(_bed.Connector.For(conversation));
    }

    [Theory]
    [InlineData("typing")]
    [InlineData("messageReaction")]
    [InlineData("installationUpdate")]
    [InlineData("somethingNew")]
    public async Task AnActivityTypeTheBotDoesNotHandle_Is200_AndIgnored(string type)
    {
        var conversation = "a:ignored-" + type;

        using var response = await _bed.PostAsync(Activities.Of(type, _bed.ServiceUrl, conversation));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await Task.Delay(300);
        Assert.Null(await _bed.Bot.Conversations.LoadAsync(TeamsActivityHandler.ConversationId(conversation), CancellationToken.None));
        Assert.Empty(_bed.Connector.For(conversation));
    }

    [Fact]
    public async Task AConversationUpdateWithoutMembersAdded_Is200_AndGreetsNobody()
    {
        const string conversation = "a:renamed";
        var update = Activities.Of("conversationUpdate", _bed.ServiceUrl, conversation);
        update["membersAdded"] = null;

        using var response = await _bed.PostAsync(update);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await Task.Delay(300);
        Assert.Empty(_bed.Connector.For(conversation));
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("[]")]
    [InlineData("null")]
    [InlineData("""{"type": "message", "text": "no conversation"}""")]
    [InlineData("""{"type": "message", "conversation": {"id": ""}}""")]
    [InlineData("""{"type": "message", "conversation": {"id": "a:1"}, "membersAdded": {"not": "a list"}}""")]
    public async Task AMalformedBodyOrAMissingConversationId_Is400(string body)
    {
        using var response = await _bed.Poster.PostRawAsync(body, _bed.Token.Write());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
