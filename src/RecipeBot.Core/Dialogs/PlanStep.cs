namespace RecipeBot.Core.Dialogs;

/// <summary>
/// Which question of the action plan the last reply asked. It lives in the skip button that reply offered
/// (<see cref="PlanButton.Skip"/>), so the question lapses as soon as anything else is answered.
/// </summary>
public enum PlanStep
{
    Idle,
    Title,
    Problem,
    Action,
    Lead,
    Partners,
    Milestones,
    Values,
    Note,
}
