using RecipeBot.Core.Conversations;

namespace RecipeBot.Core.Tests;

public sealed class EngineBehaviourTests
{
    private readonly EngineHarness _bot = new();

    private async Task AtContactMenuAsync(string language = "en", string role = "official")
    {
        await _bot.SayAsync("/start");
        await _bot.SayAsync(language);
        await _bot.SayAsync(role);
        await _bot.SayAsync("contact");
    }

    [Fact]
    public async Task FirstMessage_OfAnyKind_GetsTheGreetingInTheHintedLanguage()
    {
        var reply = await _bot.SayAsync("hello there", lang: "ru-RU");

        Assert.Equal("language", reply.State);
        Assert.Equal("ru", reply.Language);
        Assert.StartsWith("Здравствуйте!", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutAHint_EstonianIsTheDefault()
    {
        var reply = await _bot.SayAsync("/start");

        Assert.Equal("et", reply.Language);
        Assert.StartsWith("Tere!", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AChoice_CanBeAnsweredByNumber()
    {
        await _bot.SayAsync("/start");

        var reply = await _bot.SayAsync("2");

        Assert.Equal("role", reply.State);
        Assert.Equal("en", reply.Language);
    }

    [Theory]
    [InlineData("Municipal official")]
    [InlineData("  municipal OFFICIAL! ")]
    [InlineData("Omavalitsuse ametnik")]
    public async Task AChoice_CanBeAnsweredByItsLabel_IgnoringCaseSpacesAndPunctuation(string typed)
    {
        await _bot.SayAsync("/start");
        await _bot.SayAsync("en");

        var reply = await _bot.SayAsync(typed);

        Assert.Equal("phase", reply.State);
        Assert.Equal("official", (await _bot.Store.LoadAsync("test:1", CancellationToken.None))!.Role);
    }

    [Fact]
    public async Task ALabelTypedWithoutDiacritics_StillMatches()
    {
        await _bot.SayAsync("/start");
        await _bot.SayAsync("et");

        var reply = await _bot.SayAsync("vabauhenduse liige voi aktiivne elanik");

        Assert.Equal("phase", reply.State);
        Assert.Equal("activist", (await _bot.Store.LoadAsync("test:1", CancellationToken.None))!.Role);
    }

    [Fact]
    public async Task SomethingNotUnderstood_GetsAHintAndTheSameChoices_AndLosesNothing()
    {
        await AtContactMenuAsync();
        var before = await _bot.Store.LoadAsync("test:1", CancellationToken.None);

        var reply = await _bot.SayAsync("purple elephants");

        Assert.Equal("contact", reply.State);
        Assert.StartsWith("I didn't understand that.", reply.Text, StringComparison.Ordinal);
        Assert.Equal(6, reply.Choices.Count);
        var after = await _bot.Store.LoadAsync("test:1", CancellationToken.None);
        Assert.Equal(before!.State, after!.State);
        Assert.Equal(before.History, after.History);
    }

    [Fact]
    public async Task TextOverTheLimit_IsRefusedPolitely_AndTheStateIsKept()
    {
        await AtContactMenuAsync();

        var reply = await _bot.SayAsync(new string('a', 4001));

        Assert.Equal("contact", reply.State);
        Assert.StartsWith("That message is too long – I can take up to 4000 characters.", reply.Text, StringComparison.Ordinal);
        Assert.Equal(["language", "role", "phase"], (await _bot.Store.LoadAsync("test:1", CancellationToken.None))!.History);
    }

    [Fact]
    public async Task Back_ReturnsToThePreviousState_AndAtTheStartSaysThereIsNothingToGoBackTo()
    {
        await AtContactMenuAsync();

        Assert.Equal("phase", (await _bot.SayAsync("/back")).State);
        Assert.Equal("role", (await _bot.SayAsync("Back")).State);
        Assert.Equal("language", (await _bot.SayAsync("/back")).State);
        var atStart = await _bot.SayAsync("/back");

        Assert.Equal("language", atStart.State);
        Assert.StartsWith("We are at the beginning", atStart.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lang_SwitchesTheLanguage_AndRepeatsTheCurrentQuestion()
    {
        await AtContactMenuAsync();

        var reply = await _bot.SayAsync("/lang et");

        Assert.Equal("et", reply.Language);
        Assert.Equal("contact", reply.State);
        Assert.StartsWith("Räägime nüüd eesti keeles.", reply.Text, StringComparison.Ordinal);
        Assert.Contains("Mis kontakti saamisel takistab?", reply.Text, StringComparison.Ordinal);
        Assert.Equal("Tagasi", reply.Choices.Single(c => c.Id == "back").Label);
    }

    [Theory]
    [InlineData("/lang de")]
    [InlineData("/lang 🙂")]
    public async Task Lang_WithAnUnknownLanguage_SaysWhichExist(string command)
    {
        await AtContactMenuAsync();

        var reply = await _bot.SayAsync(command);

        Assert.Equal("en", reply.Language);
        Assert.StartsWith("I don't speak that language. Available: et, en, ru", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownCommand_GetsHelp()
    {
        await AtContactMenuAsync();

        var reply = await _bot.SayAsync("/frobnicate");

        Assert.StartsWith("I don't know that command.", reply.Text, StringComparison.Ordinal);
        Assert.Contains("/restart", reply.Text, StringComparison.Ordinal);
        Assert.Equal("contact", reply.State);
    }

    [Fact]
    public async Task CommandAddressedToTheBotInAGroup_IsUnderstood()
    {
        await AtContactMenuAsync();

        Assert.Equal("phase", (await _bot.SayAsync("/back@RecipeBot")).State);
    }

    [Fact]
    public async Task AnOfficial_IsNotOfferedTheActivistsSituation_ButTheirOwnReluctantCouncil_WithRecipesForThem()
    {
        await AtContactMenuAsync(role: "official");
        var menu = await _bot.SayAsync("/back");
        menu = await _bot.SayAsync("contact");
        var situation = RepositoryContent.Content.SituationsById["contact/council-reluctant"];

        Assert.Contains(menu.Choices, c => c.Id == "council-reluctant" && c.Label == situation.RoleTitles["official"].Values["en"]);
        Assert.DoesNotContain(menu.Choices, c => c.Label == situation.Title.Values["en"]);
        var reply = await _bot.SayAsync("council-reluctant");

        var mine = situation.Recipes.Where(r => r.For.Contains("official")).Select(r => r.Id).ToList();
        Assert.NotEmpty(mine);
        Assert.Equal(mine, reply.Recipes);
        Assert.DoesNotContain("mainly for", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnActivistInASituationForOfficials_IsToldOnce_WhomTheRecipesAreFor()
    {
        await AtContactMenuAsync(role: "activist");

        var reply = await _bot.SayAsync("no-partners");

        Assert.Single(System.Text.RegularExpressions.Regex.Matches(reply.Text, "These recipes are mainly for municipal officials."));
    }

    [Fact]
    public async Task ARecipeNamingAMethod_OffersItsCard_WhichKeepsTheUserInPlace()
    {
        await AtContactMenuAsync();
        await _bot.SayAsync("/back");
        await _bot.SayAsync("planning");
        await _bot.SayAsync("priorities");
        var recipes = await _bot.SayAsync("recipe:gather-ideas");
        Assert.Contains(recipes.Choices, c => c.Id == "method:world-cafe" && c.Label == "Method: World Café");

        var card = await _bot.SayAsync("method:world-cafe");

        Assert.Equal("planning/priorities", card.State);
        Assert.StartsWith("World Café", card.Text, StringComparison.Ordinal);
        Assert.Contains("How to run it:", card.Text, StringComparison.Ordinal);
        Assert.Empty(card.Recipes);
    }

    [Fact]
    public async Task ARecipeCallingForRegularMeetings_OffersToScheduleOne_AndAsksWhen()
    {
        await AtContactMenuAsync();
        var noMeetings = await _bot.SayAsync("no-partners");
        Assert.DoesNotContain(noMeetings.Choices, c => c.Id == "schedule");
        await _bot.SayAsync("other-situation");
        await _bot.SayAsync("trust-conflict");
        var withMeetings = await _bot.SayAsync("recipe:open-meetings");
        Assert.Contains(withMeetings.Choices, c => c.Id == "schedule");

        var reply = await _bot.SayAsync("schedule");

        Assert.StartsWith("When do you meet?", reply.Text, StringComparison.Ordinal);
        Assert.Equal(["sched:freq:weekly", "sched:freq:biweekly", "sched:freq:monthly", "sched:freq:quarterly", "sched:freq:once", "sched:cancel"], reply.Choices.Select(c => c.Id));
        Assert.Equal("contact/trust-conflict", reply.State);
    }

    [Fact]
    public async Task NextPhase_LeadsOnAndRecordsThePhase()
    {
        await AtContactMenuAsync();
        await _bot.SayAsync("no-partners");

        var reply = await _bot.SayAsync("next-phase");

        Assert.Equal("planning", reply.State);
        Assert.Equal("planning", (await _bot.Store.LoadAsync("test:1", CancellationToken.None))!.Phase);
    }

    [Fact]
    public async Task AStoredStateTheFlowNoLongerHas_StartsOverInsteadOfFailing()
    {
        var store = new InMemoryConversationStore();
        await store.SaveAsync(new Conversation("test:1", "en", "contact/removed-situation", DateTimeOffset.UnixEpoch) { Turns = 3 }, [], CancellationToken.None);
        var bot = new EngineHarness(store);

        var reply = await bot.SayAsync("1");

        Assert.Equal("role", reply.State);
    }

    [Fact]
    public async Task SeparateChats_HaveSeparateConversations()
    {
        await _bot.SayAsync("/start", chat: "a");
        await _bot.SayAsync("en", chat: "a");
        await _bot.SayAsync("/start", chat: "b");

        Assert.Equal("role", (await _bot.Store.LoadAsync("a", CancellationToken.None))!.State);
        Assert.Equal("language", (await _bot.Store.LoadAsync("b", CancellationToken.None))!.State);
    }
}
