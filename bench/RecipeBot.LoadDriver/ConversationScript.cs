namespace RecipeBot.LoadDriver;

/// <summary>
/// The walk a simulated user repeats: language, role, phase, a situation, another one, back, /help, a situation
/// typed as text, back, back, /start, and round again. Users differ in language, role, phase and situations, so
/// every state, text and recipe of the flow is exercised.
/// </summary>
public static class ConversationScript
{
    public static IReadOnlyList<string> Languages { get; } = ["et", "en", "ru"];

    private static readonly string[] Roles = ["official", "activist", "coordinator"];
    private static readonly string[] Phases = ["contact", "planning", "implementation"];
    private static readonly string[][] Situations =
    [
        ["no-partners", "trust-conflict", "ngos-uninterested", "council-reluctant"],
        ["priorities", "follow-through"],
        ["open-and-steady"],
    ];

    /// <summary>
    /// How user <paramref name="index"/> begins: /start and a few /help, a different number for each user, so that
    /// users started together are at different steps of <see cref="Cycle"/> from the first round on.
    /// </summary>
    public static ScriptStep[] Opening(int index) =>
        [ScriptStep.Type("/start"), .. Enumerable.Repeat(ScriptStep.Type("/help"), index % Cycle(index).Length)];

    /// <summary>What user <paramref name="index"/> repeats after the opening; every pressed button is one the bot's previous reply offers.</summary>
    public static ScriptStep[] Cycle(int index)
    {
        var language = Languages[index % 3];
        var role = Roles[index / 3 % 3];
        var phase = index / 9 % 3;
        var situations = Situations[phase];
        var first = situations[index / 27 % situations.Length];
        var second = situations[(index / 27 + 1) % situations.Length];
        ScriptStep[] choices =
        [
            ScriptStep.Press(language),
            ScriptStep.Press(role),
            ScriptStep.Press(Phases[phase]),
            ScriptStep.Press(first),
        ];

        // The implementation phase has a single situation, and its recipe state leads back to the phases.
        ScriptStep[] middle = phase == 2
            ? [ScriptStep.Press("other-phase"), ScriptStep.Press("implementation"), ScriptStep.Press(first)]
            : [ScriptStep.Press("other-situation"), ScriptStep.Press(second)];
        ScriptStep[] closing =
        [
            ScriptStep.Press("back"),
            ScriptStep.Type("/help"),
            ScriptStep.Type(first),
            ScriptStep.Press("back"),
            ScriptStep.Press("back"),
            ScriptStep.Type("/start"),
        ];
        return [.. choices, .. middle, .. closing];
    }
}
