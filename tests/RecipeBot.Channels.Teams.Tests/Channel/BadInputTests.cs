using System.Net;
using System.Text.Json.Nodes;

namespace RecipeBot.Channels.Teams.Tests.Channel;

/// <summary>/api/messages never answers 500: what it cannot read is 400, what it ignores is 200, a failing turn is logged.</summary>
public sealed class BadInputTests : IAsyncLifetime
{
    private TeamsTestBed _bed = null!;

    public async Task InitializeAsync() => _bed = await TeamsTestBed.StartAsync();

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    [Fact]
    public async Task EntitiesWithANullInside_AreSkipped_AndTheMessageIsAnswered()
    {
        const string conversation = "a:null-entity";
        var message = Activities.Message(_bed.ServiceUrl, conversation, "/start");
        message["entities"] = new JsonArray(null, new JsonObject { ["type"] = "clientInfo", ["locale"] = "en-US" });

        var reply = await _bed.ExchangeAsync(message);

        Assert.StartsWith("Hello! I am RecipeBot.", reply.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    public async Task AMentionWithEmptyOrMissingText_StillCounts_AndTheTagIsStripped(string? mentionText)
    {
        const string group = "19:empty-mention@thread.v2";
        var message = Activities.Message(_bed.ServiceUrl, group, "<at>RecipeBot</at> /start", conversationType: "groupChat");
        message["entities"] = new JsonArray(new JsonObject
        {
            ["type"] = "mention",
            ["text"] = mentionText,
            ["mentioned"] = new JsonObject { ["id"] = Activities.BotId },
        });

        var reply = await _bed.ExchangeAsync(message);

        Assert.StartsWith("Hello! I am RecipeBot.", reply.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("from")]
    [InlineData("recipient")]
    [InlineData("entities")]
    [InlineData("text")]
    [InlineData("locale")]
    [InlineData("id")]
    [InlineData("type")]
    [InlineData("channelData")]
    [InlineData("value")]
    [InlineData("membersAdded")]
    [InlineData("attachments")]
    public async Task AFieldThatIsNull_IsNeverA500(string field)
    {
        var message = Activities.Message(_bed.ServiceUrl, "a:null-" + field, "/start");
        message[field] = null;

        using var response = await _bed.PostAsync(message);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("membersAdded", "[null]")]
    [InlineData("attachments", "[null]")]
    [InlineData("entities", """[{"type": "mention"}]""")]
    [InlineData("entities", """[{"type": "mention", "mentioned": null, "text": null}]""")]
    [InlineData("entities", """[{"type": "mention", "mentioned": {"id": null, "name": null}, "text": ""}]""")]
    [InlineData("entities", """[{"type": "mention", "mentioned": {"id": "28:test-app-id"}}]""")]
    [InlineData("value", "\"a string\"")]
    [InlineData("value", "[1, 2]")]
    [InlineData("channelData", "[]")]
    [InlineData("conversation", """{"id": "a:odd", "conversationType": null, "isGroup": null, "tenantId": null}""")]
    public async Task OddButWellTypedValues_AreAnswered200(string field, string json)
    {
        var type = field == "membersAdded" ? "conversationUpdate" : "message";
        var activity = type == "message"
            ? Activities.Message(_bed.ServiceUrl, "a:odd-" + field, "/start")
            : Activities.BotAdded(_bed.ServiceUrl, "a:odd-" + field);
        activity[field] = JsonNode.Parse(json);

        using var response = await _bed.PostAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("text", "5")]
    [InlineData("text", "{}")]
    [InlineData("entities", "[5]")]
    [InlineData("entities", """{"type": "mention"}""")]
    [InlineData("conversation", "\"a:1\"")]
    [InlineData("from", "[]")]
    [InlineData("membersAdded", "[\"28:test-app-id\"]")]
    [InlineData("conversation", """{"id": 5}""")]
    [InlineData("conversation", """{"id": "a:1", "isGroup": "yes"}""")]
    public async Task AWronglyTypedField_Is400(string field, string json)
    {
        var message = Activities.Message(_bed.ServiceUrl, "a:wrong-" + field, "/start");
        message[field] = JsonNode.Parse(json);

        using var response = await _bed.PostAsync(message);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("\"just a string\"")]
    [InlineData("12")]
    [InlineData("true")]
    [InlineData("{\"type\": \"message\", \"conversation\": null}")]
    [InlineData("\uFEFF{\"type\": \"message\"}")]
    public async Task ABodyThatIsNoActivity_Is400(string body)
    {
        using var response = await _bed.Poster.PostRawAsync(body, _bed.Token.Write());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task JsonNestedTooDeeply_Is400()
    {
        var body = new string('[', 10_000) + new string(']', 10_000);

        using var response = await _bed.Poster.PostRawAsync(body, _bed.Token.Write());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task TextWithEmojiNoncharactersAndNul_IsAnswered()
    {
        const string conversation = "a:odd-text";
        await _bed.ExchangeAsync(Activities.Message(_bed.ServiceUrl, conversation, "/start"));

        var reply = await _bed.ExchangeAsync(Activities.Message(_bed.ServiceUrl, conversation, "aitäh 🙂 🇪🇪 \uFFFE \uFFFF \u0000 \u200F"));

        Assert.NotEmpty(reply.Text!);
    }

    [Fact]
    public async Task ALoneSurrogateInTheJson_Is400()
    {
        // JSON escapes are how a broken surrogate pair can travel at all; System.Text.Json refuses to read it.
        var body = Activities.Message(_bed.ServiceUrl, "a:lone-surrogate", "PLACEHOLDER").ToJsonString()
            .Replace("PLACEHOLDER", "aith\\u00e4 \\ud800", StringComparison.Ordinal);

        using var response = await _bed.Poster.PostRawAsync(body, _bed.Token.Write());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task ATurnThatThrows_IsLogged_AndAnsweredWithoutA500()
    {
        await _bed.StopBotAsync();
        await _bed.StartBotWithAsync(FailingReferenceStore.Install);

        using var response = await _bed.PostAsync(Activities.Message(_bed.ServiceUrl, "a:failing-turn", "/start"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(_bed.Bot.Logged, line => line.Contains("a:failing-turn", StringComparison.Ordinal));
    }
}
