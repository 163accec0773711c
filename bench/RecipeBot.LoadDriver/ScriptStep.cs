namespace RecipeBot.LoadDriver;

/// <summary>One thing a simulated user does: type <see cref="Value"/>, or press the button whose callback data it is.</summary>
public readonly record struct ScriptStep(string Value, bool IsText)
{
    public static ScriptStep Type(string text) => new(text, IsText: true);

    public static ScriptStep Press(string choiceId) => new(choiceId, IsText: false);
}
