using RecipeBot.Core.Diagnosis;
using RecipeBot.Core.Dialogs;

namespace RecipeBot.Core.Tests;

/// <summary>Ordinary questions in free text: cards, methods by name, thanks, the role asked, a follow-up without the wall.</summary>
public sealed class ShortAnswerTests
{
    private readonly EngineHarness _bot = new(understandsFreeText: true);

    [Theory]
    [InlineData("mis see AVP KOV on?", "avp-kov", "et")]
    [InlineData("kellele ma kirjutan, et võrgustikuga liituda?", "network", "et")]
    [InlineData("what is co-creation", "co-creation", "en")]
    [InlineData("как убедить собрание что вовлечение окупается", "benefits", "ru")]
    public async Task AQuestion_GetsItsReferenceCard_InItsLanguage(string text, string cardId, string language)
    {
        var card = RepositoryContent.Content.CardsById[cardId];

        var reply = await _bot.SayAsync(text);

        Assert.Equal(language, reply.Language);
        Assert.StartsWith(card.Title.Values[language], reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheNetworkCard_NamesTheContactTheContentKeeps()
    {
        var reply = await _bot.SayAsync(new IntentButton(RepositoryContent.Content.CardsById["network"].IntentId).Id);

        Assert.Contains(RepositoryContent.Content.CardsById["network"].Text.Values["et"], reply.Text, StringComparison.Ordinal);
        Assert.Matches(@"\S+@\S+\.\S+", reply.Text);
    }

    [Theory]
    [InlineData("mis on maailmakohvik", "world-cafe")]
    [InlineData("что такое открытое пространство", "open-space")]
    [InlineData("six thinking hats?", "six-thinking-hats")]
    public async Task AMethodAskedByName_GetsItsCard(string text, string methodId)
    {
        await _bot.SayAsync("/start");

        var reply = await _bot.SayAsync(text);

        Assert.StartsWith(RepositoryContent.Content.MethodsById[methodId].Title.Values[reply.Language], reply.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("aitäh", "et", "Pole tänu väärt!")]
    [InlineData("thanks a lot", "en", "You're welcome!")]
    [InlineData("спасибо большое", "ru", "Пожалуйста!")]
    public async Task Thanks_GetsAFriendlyClose_NotAGreeting(string text, string language, string start)
    {
        await _bot.SayAsync("/start");
        await _bot.SayAsync(language);

        var reply = await _bot.SayAsync(text);

        Assert.StartsWith(start, reply.Text, StringComparison.Ordinal);
        Assert.Equal(Intents.Thanks, RepositoryContent.Diagnoser.Diagnose(text).Intent);
    }

    [Fact]
    public async Task FreeTextAboutASituationWhoseRecipesDependOnTheRole_AsksTheRoleFirst_AndAnOfficialGetsTheirOwn()
    {
        await _bot.SayAsync("/start");
        await _bot.SayAsync("en");
        var question = await _bot.SayAsync(new IntentButton("contact/council-reluctant").Id);

        Assert.Equal("The answer depends on which side you are asking from. Who are you?", question.Text);
        Assert.Equal(3, question.Choices.Count);
        var answer = await _bot.SayAsync("1");

        var situation = RepositoryContent.Content.SituationsById["contact/council-reluctant"];
        Assert.Equal("contact/council-reluctant", answer.State);
        Assert.Contains(situation.RoleTitles["official"].Values["en"], answer.Text, StringComparison.Ordinal);
        Assert.All(answer.Recipes, id => Assert.Contains("official", RepositoryContent.Content.RecipesById[id].For));
        Assert.Equal("official", (await _bot.Store.LoadAsync("test:1", CancellationToken.None))!.Role);
    }

    [Fact]
    public async Task TheSameSituationAskedAgain_GetsTheNextRecipe_ThenAShortWord_NeverTheOverviewAgain()
    {
        await _bot.SayAsync("/start");
        await _bot.SayAsync("en");
        await _bot.SayAsync("official");
        var overview = await _bot.SayAsync("we can't find any NGOs to work with");
        Assert.Equal("contact/no-partners", overview.State);

        foreach (var recipeId in overview.Recipes)
        {
            var next = await _bot.SayAsync("we can't find any NGOs to work with");

            Assert.Equal([recipeId], next.Recipes);
            Assert.StartsWith("We are on this already. Here is the next recipe:", next.Text, StringComparison.Ordinal);
        }

        var last = await _bot.SayAsync("we can't find any NGOs to work with");
        Assert.Empty(last.Recipes);
        Assert.StartsWith("We are on this already, and you have every recipe for it.", last.Text, StringComparison.Ordinal);
        Assert.True(last.Text.Length < overview.Text.Length);
    }
}
