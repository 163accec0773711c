using RecipeBot.Core.Flow;

namespace RecipeBot.Core.Dialogs;

/// <summary>The button ids the dialogs make themselves; content ids must not look like them (<c>validate</c> says so).</summary>
public static class ButtonIds
{
    public static IReadOnlyList<string> ReservedPrefixes { get; } =
    [
        MeetingButton.Prefix, PlanButton.Prefix, ScheduleButton.Prefix, IntentButton.Prefix, EffectiveChoices.MethodPrefix, CloseOutButton.StartPrefix, CloseOutButton.SkipPrefix, CloseOutButton.LegacyMinutesPrefix, NextStepButton.Prefix, ForgetButton.Prefix,
        LanguageButton.Prefix,
        RoleButton.Prefix, EffectiveChoices.RecipePrefix, EffectiveChoices.CardPrefix,
    ];

    public static IReadOnlyList<string> ReservedIds { get; } = [IntentButton.Neither, CompiledFlow.DiagnosedTrigger, EffectiveChoices.OverviewChoiceId];

    /// <summary>The reserved prefix or id <paramref name="id"/> collides with; null when none.</summary>
    public static string? Collision(string id) =>
        ReservedPrefixes.FirstOrDefault(p => id.StartsWith(p, StringComparison.Ordinal)) ?? ReservedIds.FirstOrDefault(r => r == id);
}
