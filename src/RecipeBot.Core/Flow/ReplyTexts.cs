using System.Text;
using RecipeBot.Core.Content;
using RecipeBot.Core.Engine;

namespace RecipeBot.Core.Flow;

/// <summary>Builds the texts of a state once, at start-up, so a turn only looks them up.</summary>
internal static class ReplyTexts
{
    public static string Full(FlowState state, Situation? situation, string language, string? role, ContentSet content) =>
        situation is null ? content.Text(state.TextKey!, language) : Overview(state, situation, language, role, content);

    /// <summary>A situation in a few lines: each recipe's title and summary; its steps are a button away.</summary>
    private static string Overview(FlowState state, Situation situation, string language, string? role, ContentSet content)
    {
        var fallback = content.Flow.DefaultLanguage;
        var text = new StringBuilder();
        if (state.TextKey is not null)
        {
            text.Append(content.Text(state.TextKey, language)).Append("\n\n");
        }

        text.Append(TextTemplate.Render(
            content.Text(TextKeys.RecipesIntro, language),
            ("situation", situation.TitleFor(role).Get(language, fallback))));
        var recipes = situation.RecipesFor(role);
        if (role is not null && !recipes.Any(r => r.For.Contains(role)))
        {
            // Said once for the situation, not under every recipe.
            var roles = recipes.SelectMany(r => r.For).Distinct().Select(r => content.Text(TextKeys.RoleNamePrefix + r, language)).ToList();
            var joined = roles.Count == 1 ? roles[0] : string.Join(", ", roles.Take(roles.Count - 1)) + " " + content.Text(TextKeys.WordAnd, language) + " " + roles[^1];
            text.Append('\n').Append(TextTemplate.Render(content.Text(TextKeys.RecipeForOthers, language), ("roles", joined)));
        }

        var number = 0;
        foreach (var recipe in recipes)
        {
            text.Append("\n\n").Append(++number).Append(". ").Append(recipe.Title.Get(language, fallback))
                .Append('\n').Append(recipe.Summary.Get(language, fallback));
        }

        text.Append("\n\n").Append(content.Text(TextKeys.RecipesPick, language));
        return text.ToString();
    }

    /// <summary>One recipe with its steps: what a recipe's button shows.</summary>
    public static string Recipe(Recipe recipe, int number, string language, ContentSet content)
    {
        var fallback = content.Flow.DefaultLanguage;
        var text = new StringBuilder().Append(number).Append(". ").Append(recipe.Title.Get(language, fallback));
        foreach (var step in recipe.Steps.Get(language, fallback))
        {
            text.Append("\n• ").Append(step);
        }

        return text.ToString();
    }

    public static string Card(ReferenceCard card, string language, ContentSet content)
    {
        var fallback = content.Flow.DefaultLanguage;
        return card.Title.Get(language, fallback) + "\n\n" + card.Text.Get(language, fallback);
    }

    /// <summary>What the state asks, without its recipes: shown again after a hint or a card.</summary>
    public static string Prompt(FlowState state, string language, ContentSet content) =>
        state.SituationId is not null
            ? content.Text(TextKeys.WhatNext, language)
            : content.Text(state.TextKey!, language);

    public static string Label(FlowChoice choice, string language, string? role, ContentSet content)
    {
        var fallback = content.Flow.DefaultLanguage;
        if (choice.SituationLabel is not null)
        {
            return content.SituationsById[choice.SituationLabel].TitleFor(role).Get(language, fallback);
        }

        var label = content.Text(choice.LabelKey!, language);
        var title = choice switch
        {
            { MethodId: { } method } => content.MethodsById[method].Title,
            { CardId: { } card } => content.CardsById[card].Title,
            { RecipeId: { } recipe } => content.RecipesById[recipe].Title,
            _ => null,
        };
        return title is null ? label : TextTemplate.Render(label, ("title", title.Get(language, fallback)));
    }

    public static string MethodCard(MethodCard card, string language, ContentSet content)
    {
        var fallback = content.Flow.DefaultLanguage;
        var text = new StringBuilder()
            .Append(card.Title.Get(language, fallback)).Append("\n\n")
            .Append(card.Summary.Get(language, fallback)).Append("\n\n")
            .Append(content.Text(TextKeys.MethodSteps, language));
        var number = 0;
        foreach (var step in card.Steps.Get(language, fallback))
        {
            text.Append('\n').Append(++number).Append(". ").Append(step);
        }

        return text.ToString();
    }
}
