namespace RecipeBot.Core.Diagnosis;

/// <summary>
/// When to act on a diagnosis. At or above <see cref="Accept"/> the bot goes straight to the
/// intent; between <see cref="Clarify"/> and <see cref="Accept"/> it asks "did you mean A or B?";
/// below it says it did not understand. Both come from cross-validation (see <see cref="IntentEvaluation"/>).
/// </summary>
public sealed record DiagnosisThresholds(float Accept, float Clarify);
