namespace RecipeBot.Core.Tests;

/// <summary><c>/lang</c> with and without a language, and <c>/restart</c>, which starts over in the language already chosen.</summary>
public sealed class LanguageAndRestartTests
{
    private readonly EngineHarness _bot = new();

    private async Task AtContactMenuAsync(string language)
    {
        await _bot.SayAsync("/start");
        await _bot.SayAsync(language);
        await _bot.SayAsync("official");
        await _bot.SayAsync("contact");
    }

    [Theory]
    [InlineData("/restart")]
    [InlineData("restart")]
    public async Task Restart_ForgetsRoleAndPhase_KeepsTheLanguage_AndAsksTheRoleInIt(string restart)
    {
        await AtContactMenuAsync("ru");

        var reply = await _bot.SayAsync(restart);

        Assert.Equal(("role", "ru"), (reply.State, reply.Language));
        Assert.Equal(RepositoryContent.Content.Text("ask-role", "ru"), reply.Text);
        var stored = (await _bot.Store.LoadAsync("test:1", CancellationToken.None))!;
        Assert.Equal(("ru", null, null), (stored.Language, stored.Role, stored.Phase));
        Assert.Equal(["language"], stored.History);
    }

    [Fact]
    public async Task AfterRestart_BackStillReachesTheLanguages_AndStartShowsThemAtOnce()
    {
        await AtContactMenuAsync("ru");
        await _bot.SayAsync("/restart");

        var back = await _bot.SayAsync("/back");
        var start = await _bot.SayAsync("/start");

        Assert.Equal(("language", "ru"), (back.State, back.Language));
        Assert.Equal(("language", "ru"), (start.State, start.Language));
        Assert.Equal(["et", "en", "ru"], start.Choices.Select(c => c.Id));
    }

    [Fact]
    public async Task Lang_WithoutALanguage_OffersTheLanguagesAsButtons_AndTheStateStays()
    {
        await AtContactMenuAsync("en");

        var reply = await _bot.SayAsync("/lang");

        Assert.Equal("Which language shall we continue in?", reply.Text);
        Assert.Equal(["lang:et", "lang:en", "lang:ru"], reply.Choices.Select(c => c.Id));
        Assert.Equal(["Eesti keel", "English", "Русский"], reply.Choices.Select(c => c.Label));
        Assert.Equal(("contact", "en"), (reply.State, reply.Language));
    }

    [Fact]
    public async Task ALanguageButton_SwitchesTheLanguage_AndRepeatsTheCurrentQuestion()
    {
        await AtContactMenuAsync("en");
        await _bot.SayAsync("/lang");

        var reply = await _bot.SayAsync("lang:ru");

        Assert.Equal(("contact", "ru"), (reply.State, reply.Language));
        Assert.StartsWith(RepositoryContent.Content.Text("language-changed", "ru"), reply.Text, StringComparison.Ordinal);
        Assert.Equal("ru", (await _bot.Store.LoadAsync("test:1", CancellationToken.None))!.Language);
    }

    [Theory]
    [InlineData("eesti keel")]
    [InlineData("1")]
    public async Task ALanguageTypedByLabelOrNumber_AfterLang_PressesItsButton(string typed)
    {
        await AtContactMenuAsync("en");
        await _bot.SayAsync("/lang");

        var reply = await _bot.SayAsync(typed);

        Assert.Equal(("contact", "et"), (reply.State, reply.Language));
    }

    [Fact]
    public async Task ALanguageButtonForALanguageTheBotDoesNotHave_SaysWhichExist()
    {
        await AtContactMenuAsync("en");

        var reply = await _bot.SayAsync("lang:de");

        Assert.Equal("en", reply.Language);
        Assert.StartsWith("I don't speak that language. Available: et, en, ru", reply.Text, StringComparison.Ordinal);
    }
}
