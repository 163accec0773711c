namespace RecipeBot.Core.Tests;

/// <summary>Walks from /start to every situation in every language by pressing buttons.</summary>
public sealed class ConversationWalkTests
{
    // Pinned so that a recipe lost from the content fails here, not only in production.
    public static TheoryData<string, string, string, string, string[]> Walks()
    {
        var situations = new (string Phase, string Choice, string Role, string[] Recipes)[]
        {
            ("contact", "no-partners", "official", ["contact/no-partners/announce-openly", "contact/no-partners/ask-known-ngos", "contact/no-partners/talk-in-person"]),
            ("contact", "trust-conflict", "activist", ["contact/trust-conflict/change-the-setting", "contact/trust-conflict/open-meetings", "contact/trust-conflict/shared-goal"]),
            ("contact", "ngos-uninterested", "official", ["contact/ngos-uninterested/show-the-benefits", "contact/ngos-uninterested/keep-door-open", "contact/ngos-uninterested/share-good-examples"]),
            ("contact", "council-reluctant", "activist", ["contact/council-reluctant/publish-info", "contact/council-reluctant/invite-officials", "contact/council-reluctant/talk-to-politicians"]),
            ("planning", "priorities", "official", ["planning/priorities/gather-ideas", "planning/priorities/choose-together", "planning/priorities/who-drafts", "planning/priorities/transparent-minutes"]),
            ("planning", "follow-through", "coordinator", ["planning/follow-through/owners-and-resources", "planning/follow-through/regular-meetings", "planning/follow-through/inform-public"]),
            ("implementation", "open-and-steady", "coordinator", ["implementation/open-and-steady/steady-meetings", "implementation/open-and-steady/learn-from-setbacks", "implementation/open-and-steady/publish-everything", "implementation/open-and-steady/share-and-network"]),
        };
        var data = new TheoryData<string, string, string, string, string[]>();
        foreach (var language in new[] { "et", "en", "ru" })
        {
            foreach (var s in situations)
            {
                data.Add(language, s.Role, s.Phase, s.Choice, s.Recipes);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Walks))]
    public async Task PressingThroughTheMenus_GivesTheSituationsRecipesInTheChosenLanguage(
        string language, string role, string phase, string situationChoice, string[] expectedRecipes)
    {
        var bot = new EngineHarness();
        var situationId = $"{phase}/{situationChoice}";

        var greeting = await bot.SayAsync("/start");
        Assert.Equal("language", greeting.State);
        Assert.Empty(greeting.Recipes);
        Assert.Equal(["et", "en", "ru"], greeting.Choices.Take(3).Select(c => c.Id));

        var roleQuestion = await bot.SayAsync(language);
        Assert.Equal("role", roleQuestion.State);
        Assert.Equal(language, roleQuestion.Language);

        Assert.Equal("phase", (await bot.SayAsync(role)).State);
        Assert.Equal(phase, (await bot.SayAsync(phase)).State);
        var answer = await bot.SayAsync(situationChoice);

        Assert.Equal(situationId, answer.State);
        Assert.Equal(expectedRecipes, answer.Recipes);
        var content = RepositoryContent.Content;
        foreach (var recipe in expectedRecipes.Select(id => content.RecipesById[id]))
        {
            // The overview: each recipe's title and summary, a button per recipe, no steps yet.
            Assert.Contains(recipe.Title.Values[language], answer.Text, StringComparison.Ordinal);
            Assert.Contains(recipe.Summary.Values[language], answer.Text, StringComparison.Ordinal);
            Assert.DoesNotContain(recipe.Steps.Values[language][0], answer.Text, StringComparison.Ordinal);
            Assert.Contains(answer.Choices, c => c.Id == "recipe:" + recipe.Slug && c.Label == recipe.Title.Values[language]);
        }

        Assert.Empty((await bot.Store.LoadAsync("test:1", CancellationToken.None))!.RecipesGiven);
        foreach (var recipe in expectedRecipes.Select(id => content.RecipesById[id]))
        {
            var opened = await bot.SayAsync("recipe:" + recipe.Slug);

            Assert.Equal(situationId, opened.State);
            Assert.Equal([recipe.Id], opened.Recipes);
            Assert.All(recipe.Steps.Values[language], step => Assert.Contains(step, opened.Text, StringComparison.Ordinal));
            Assert.DoesNotContain(recipe.Summary.Values[language], opened.Text, StringComparison.Ordinal);
        }

        var stored = await bot.Store.LoadAsync("test:1", CancellationToken.None);
        Assert.NotNull(stored);
        Assert.Equal([situationId], stored.SituationsSeen);
        Assert.Equal(expectedRecipes, stored.RecipesGiven);
        Assert.Equal(role, stored.Role);
        Assert.Equal(phase, stored.Phase);
    }

    [Fact]
    public void TheWalks_CoverEverySituationOfTheContent()
    {
        var walked = Walks().Select(row => $"{row[2]}/{row[3]}").Distinct().Order();

        Assert.Equal(RepositoryContent.Content.Situations.Select(s => s.Id).Order(), walked);
    }
}
