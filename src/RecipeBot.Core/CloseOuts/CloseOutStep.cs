namespace RecipeBot.Core.CloseOuts;

/// <summary>Which question of a meeting's close-out comes next; <see cref="Closed"/> once every one was answered or skipped.</summary>
public enum CloseOutStep
{
    Minutes,
    Attendees,
    Organisations,
    Decisions,
    Closed,
}
