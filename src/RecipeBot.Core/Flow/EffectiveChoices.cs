using RecipeBot.Core.Content;

namespace RecipeBot.Core.Flow;

/// <summary>
/// The choices a state really offers: the ones <c>flow.yaml</c> declares plus, for a state that shows a situation,
/// a button per recipe (its steps), "all recipes" (the overview again), "I'll try this" (a next-step prompt a week
/// later), one per method card and reference card its recipes name and "schedule a regular meeting" when a recipe
/// calls for regular meetings. Content editors get these for free.
/// </summary>
public static class EffectiveChoices
{
    public const string MethodPrefix = "method:";
    public const string CardPrefix = "card:";
    public const string RecipePrefix = "recipe:";
    public const string ScheduleChoiceId = "schedule";
    public const string MethodLabelKey = "choice-method";
    public const string CardLabelKey = "choice-card";
    public const string RecipeLabelKey = "choice-recipe";
    public const string ScheduleLabelKey = "choice-schedule-meeting";
    public const string TryChoiceId = "try";
    public const string TryLabelKey = "choice-try";
    public const string OverviewChoiceId = "recipes";
    public const string OverviewLabelKey = "choice-all-recipes";

    public static IReadOnlyList<FlowChoice> For(FlowState state, ContentSet content)
    {
        if (state.SituationId is null || !content.SituationsById.TryGetValue(state.SituationId, out var situation))
        {
            return state.Choices;
        }

        var choices = new List<FlowChoice>();
        foreach (var recipe in situation.Recipes.DistinctBy(r => r.Id))
        {
            choices.Add(Own(RecipePrefix + recipe.Slug, RecipeLabelKey, ChoiceAction.ShowRecipe, state) with { RecipeId = recipe.Id });
        }

        var declaresSchedule = state.Choices.Any(c => c.Action == ChoiceAction.ScheduleMeeting);
        if (!declaresSchedule && situation.Recipes.Any(r => r.RegularMeetings))
        {
            choices.Add(Own(ScheduleChoiceId, ScheduleLabelKey, ChoiceAction.ScheduleMeeting, state));
        }

        choices.Add(Own(TryChoiceId, TryLabelKey, ChoiceAction.TryRecipes, state));
        choices.Add(Own(OverviewChoiceId, OverviewLabelKey, ChoiceAction.ShowOverview, state));
        foreach (var methodId in situation.Recipes.SelectMany(r => r.Methods).Distinct(StringComparer.Ordinal))
        {
            choices.Add(Own(MethodPrefix + methodId, MethodLabelKey, ChoiceAction.ShowMethod, state, methodId));
        }

        foreach (var cardId in situation.Recipes.SelectMany(r => r.Cards).Distinct(StringComparer.Ordinal))
        {
            choices.Add(Own(CardPrefix + cardId, CardLabelKey, ChoiceAction.ShowCard, state) with { CardId = cardId });
        }

        choices.AddRange(state.Choices);
        return choices;
    }

    /// <summary>Whether the overview of a situation shows <paramref name="choice"/>: recipes and what the content declares.</summary>
    public static bool InOverview(FlowChoice choice) =>
        choice.Action is ChoiceAction.ShowRecipe or ChoiceAction.Goto or ChoiceAction.Back or ChoiceAction.Restart;

    private static FlowChoice Own(string id, string labelKey, ChoiceAction action, FlowState state, string? methodId = null) =>
        new(id, labelKey, null, methodId, action, null, Empty, state.Location);

    private static readonly IReadOnlyDictionary<string, string> Empty = new Dictionary<string, string>();
}
