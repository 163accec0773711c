using System.Text;
using RecipeBot.Core.Content;
using RecipeBot.Core.Engine;

namespace RecipeBot.Core.Flow;

/// <summary>Builds the texts of a state once, at start-up, so a turn only looks them up.</summary>
internal static class ReplyTexts
{
    public static string Full(FlowState state, Situation? situation, string language, string? role, ContentSet content)
    {
        if (situation is null)
        {
            return content.Text(state.TextKey!, language);
        }

        var fallback = content.Flow.DefaultLanguage;
        var text = new StringBuilder();
        if (state.TextKey is not null)
        {
            text.Append(content.Text(state.TextKey, language)).Append("\n\n");
        }

        text.Append(TextTemplate.Render(
            content.Text(TextKeys.RecipesIntro, language),
            ("situation", situation.Title.Get(language, fallback))));
        var number = 0;
        foreach (var recipe in situation.Recipes)
        {
            text.Append("\n\n").Append(++number).Append(". ").Append(recipe.Title.Get(language, fallback));
            if (role is not null && !recipe.For.Contains(role))
            {
                var roles = string.Join(", ", recipe.For.Select(r => content.Text(TextKeys.RoleNamePrefix + r, language)));
                text.Append('\n').Append(TextTemplate.Render(content.Text(TextKeys.RecipeForOthers, language), ("roles", roles)));
            }

            foreach (var step in recipe.Steps.Get(language, fallback))
            {
                text.Append("\n• ").Append(step);
            }
        }

        text.Append("\n\n").Append(content.Text(TextKeys.WhatNext, language));
        return text.ToString();
    }

    /// <summary>What the state asks, without its recipes: shown again after a hint or a card.</summary>
    public static string Prompt(FlowState state, string language, ContentSet content) =>
        state.SituationId is not null
            ? content.Text(TextKeys.WhatNext, language)
            : content.Text(state.TextKey!, language);

    public static string Label(FlowChoice choice, string language, ContentSet content)
    {
        var fallback = content.Flow.DefaultLanguage;
        if (choice.SituationLabel is not null)
        {
            return content.SituationsById[choice.SituationLabel].Title.Get(language, fallback);
        }

        var label = content.Text(choice.LabelKey!, language);
        return choice.MethodId is not null
            ? TextTemplate.Render(label, ("title", content.MethodsById[choice.MethodId].Title.Get(language, fallback)))
            : label;
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
