using RecipeBot.Core.Loading;

namespace RecipeBot.Core.Tests;

public sealed class RepositoryContentTests
{
    [Fact]
    public void TheRepositoryContent_HasNoProblems()
    {
        var result = ContentLoader.Load(RepositoryContent.Directory);

        Assert.Empty(result.Problems.Select(p => p.ToString()));
        Assert.NotNull(result.Content);
    }

    [Fact]
    public void EverySituationOfTheDesign_HasRecipes()
    {
        string[] expected =
        [
            "contact/no-partners", "contact/trust-conflict", "contact/ngos-uninterested", "contact/council-reluctant",
            "planning/priorities", "planning/follow-through", "implementation/open-and-steady",
        ];

        var content = RepositoryContent.Content;

        Assert.Equal(expected.Order(), content.Situations.Select(s => s.Id).Order());
        Assert.All(content.Situations, s => Assert.InRange(s.Recipes.Count, 2, 6));
    }

    [Fact]
    public void EveryText_ExistsInEstonianEnglishAndRussian()
    {
        var content = RepositoryContent.Content;
        string[] languages = ["et", "en", "ru"];

        Assert.Equal(languages, content.Flow.Languages);
        Assert.All(content.Texts, t => Assert.Equal(languages.Order(), t.Value.Values.Keys.Order()));
        Assert.All(content.RecipesById.Values, r =>
        {
            Assert.Equal(languages.Order(), r.Title.Values.Keys.Order());
            Assert.Single(r.Steps.Values.Values.Select(s => s.Count).Distinct());
        });
    }

    [Fact]
    public void MethodCards_CoverFramingAndTheMeetingMethods()
    {
        string[] expected = ["co-creation-framing", "world-cafe", "open-space", "six-thinking-hats", "consensus", "focused-conversation"];

        Assert.Equal(expected.Order(), RepositoryContent.Content.Methods.Select(m => m.Id).Order());
    }
}
