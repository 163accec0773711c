using RecipeBot.Core.Content;

namespace RecipeBot.Core.Flow;

/// <summary>
/// The choices a state really offers: the ones <c>flow.yaml</c> declares plus, for a state
/// that shows a situation, "I'll try this" (a next-step prompt a week later), one per method
/// card its recipes name and "schedule a regular meeting" when a recipe calls for regular meetings. Content editors get these for free.
/// </summary>
public static class EffectiveChoices
{
    public const string MethodPrefix = "method:";
    public const string ScheduleChoiceId = "schedule";
    public const string MethodLabelKey = "choice-method";
    public const string ScheduleLabelKey = "choice-schedule-meeting";
    public const string TryChoiceId = "try";
    public const string TryLabelKey = "choice-try";

    public static IReadOnlyList<FlowChoice> For(FlowState state, ContentSet content)
    {
        if (state.SituationId is null || !content.SituationsById.TryGetValue(state.SituationId, out var situation))
        {
            return state.Choices;
        }

        var choices = new List<FlowChoice>();
        var declaresSchedule = state.Choices.Any(c => c.Action == ChoiceAction.ScheduleMeeting);
        if (!declaresSchedule && situation.Recipes.Any(r => r.RegularMeetings))
        {
            choices.Add(new FlowChoice(ScheduleChoiceId, ScheduleLabelKey, null, null, ChoiceAction.ScheduleMeeting, null, Empty, state.Location));
        }

        choices.Add(new FlowChoice(TryChoiceId, TryLabelKey, null, null, ChoiceAction.TryRecipes, null, Empty, state.Location));
        foreach (var methodId in situation.Recipes.SelectMany(r => r.Methods).Distinct(StringComparer.Ordinal))
        {
            choices.Add(new FlowChoice(MethodPrefix + methodId, MethodLabelKey, null, methodId, ChoiceAction.ShowMethod, null, Empty, state.Location));
        }

        choices.AddRange(state.Choices);
        return choices;
    }

    private static readonly IReadOnlyDictionary<string, string> Empty = new Dictionary<string, string>();
}
