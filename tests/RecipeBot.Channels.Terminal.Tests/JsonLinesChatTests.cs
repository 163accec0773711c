using System.Text.Json;
using RecipeBot.Core.Tests;

namespace RecipeBot.Channels.Terminal.Tests;

public sealed class JsonLinesChatTests
{
    private readonly EngineHarness _bot = new();

    private async Task<List<JsonElement>> RunAsync(params string[] lines)
    {
        var output = await TerminalBed.RunJsonLinesAsync(_bot, string.Join('\n', lines));
        return [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement)];
    }

    [Fact]
    public async Task EachInputLine_GetsOneOutputLine_WithTextChoicesRecipesAndState()
    {
        var replies = await RunAsync(
            """{"text": "/start"}""",
            """{"text": "en"}""",
            """{"text": "official"}""",
            """{"text": "contact"}""",
            """{"text": "no-partners"}""");

        Assert.Equal(5, replies.Count);
        var last = replies[^1];
        Assert.Equal("contact/no-partners", last.GetProperty("state").GetString());
        Assert.Equal("local", last.GetProperty("chat").GetString());
        Assert.Equal("en", last.GetProperty("language").GetString());
        Assert.StartsWith("What helps with “", last.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal(
            ["contact/no-partners/announce-openly", "contact/no-partners/ask-known-ngos", "contact/no-partners/talk-in-person"],
            last.GetProperty("recipes").EnumerateArray().Select(r => r.GetString()));
        var choice = last.GetProperty("choices")[0];
        Assert.False(string.IsNullOrEmpty(choice.GetProperty("id").GetString()));
        Assert.False(string.IsNullOrEmpty(choice.GetProperty("label").GetString()));
        Assert.Equal(0, replies[0].GetProperty("recipes").GetArrayLength());
    }

    [Fact]
    public async Task ChatAndLangFields_KeepConversationsApart_AndPickTheLanguage()
    {
        var replies = await RunAsync(
            """{"text": "/start", "chat": "anna", "lang": "ru"}""",
            """{"text": "/start", "chat": "mart"}""",
            """{"text": "en", "chat": "anna", "user": "42"}""");

        Assert.Equal("ru", replies[0].GetProperty("language").GetString());
        Assert.Equal("et", replies[1].GetProperty("language").GetString());
        Assert.Equal("role", replies[2].GetProperty("state").GetString());
        Assert.Equal("anna", replies[2].GetProperty("chat").GetString());
        Assert.Equal("language", (await _bot.Store.LoadAsync("terminal:mart", CancellationToken.None))!.State);
    }

    [Theory]
    [InlineData("this is not json")]
    [InlineData("""{"txt": "typo"}""")]
    [InlineData("[1, 2]")]
    public async Task ABadLine_GetsAnErrorLine_AndTheChatGoesOn(string bad)
    {
        var replies = await RunAsync(bad, """{"text": "/start"}""");

        Assert.Equal(2, replies.Count);
        Assert.True(replies[0].TryGetProperty("error", out var error));
        Assert.False(string.IsNullOrEmpty(error.GetString()));
        Assert.Equal("language", replies[1].GetProperty("state").GetString());
    }

    [Fact]
    public async Task InteractiveChat_NumbersTheChoices_AndContinuesFromTheStore()
    {
        var output = await TerminalBed.RunInteractiveAsync(_bot, "2\n1\n");
        var second = await TerminalBed.RunInteractiveAsync(_bot, "");

        Assert.Contains("  2) English", output, StringComparison.Ordinal);
        Assert.Contains("  1) Municipal official", output, StringComparison.Ordinal);
        // Reopened: the bot shows where the user was (the phase question), not the greeting.
        Assert.Contains("Which stage is your cooperation at right now?", second, StringComparison.Ordinal);
    }
}
