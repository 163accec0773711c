namespace RecipeBot.Core.Dialogs;

/// <summary>A button of "did you mean …?": <c>intent:{intent}</c>, or <c>neither</c>.</summary>
public readonly record struct IntentButton(string Intent)
{
    public const string Prefix = "intent:";

    public const string Neither = "neither";

    public string Id => Prefix + Intent;

    public static bool TryParse(string id, out IntentButton button)
    {
        button = default;
        if (!id.StartsWith(Prefix, StringComparison.Ordinal) || id.Length == Prefix.Length)
        {
            return false;
        }

        button = new IntentButton(id[Prefix.Length..]);
        return true;
    }
}
