using RecipeBot.Core.Plans;

namespace RecipeBot.Core.Dialogs;

/// <summary>
/// A button of the action plan: <c>plan:list</c>, <c>plan:add</c>, <c>plan:docx</c>, <c>plan:md</c>, <c>plan:{commitment}</c>
/// (open it), <c>plan:{commitment}:{action}</c> and <c>plan:{commitment}:{action}:{argument}</c> (a step skipped, a level, a value).
/// </summary>
public readonly record struct PlanButton(PlanButton.Kind What, string CommitmentId = "", string Argument = "")
{
    public const string Prefix = "plan:";

    private static readonly string[] Names = ["list", "add", "docx", "md", "open", "edit", "progress", "level", "skip", "value", "share"];

    public enum Kind
    {
        List,
        Add,
        Docx,
        Markdown,
        Open,
        Edit,
        Progress,
        Level,
        Skip,
        Value,
        Share,
    }

    public static PlanButton List { get; } = new(Kind.List);

    /// <summary>The buttons of the whole plan, which name no commitment.</summary>
    private static bool IsPlanWide(Kind what) => what is Kind.List or Kind.Add or Kind.Docx or Kind.Markdown;

    public string Id => IsPlanWide(What) ? Prefix + Names[(int)What]
        : What == Kind.Open ? Prefix + CommitmentId
        : Argument.Length == 0 ? string.Concat(Prefix, CommitmentId, ":", Names[(int)What])
        : string.Concat(Prefix, CommitmentId, ":", Names[(int)What], ":", Argument);

    public static PlanButton Skip(string commitmentId, PlanStep step) => new(Kind.Skip, commitmentId, step.ToString().ToLowerInvariant());

    public static PlanButton Level(string commitmentId, CompletionLevel level) => new(Kind.Level, commitmentId, PlanWords.LevelCode(level));

    public static bool TryParse(string id, out PlanButton button)
    {
        button = default;
        if (!id.StartsWith(Prefix, StringComparison.Ordinal) || id.Length == Prefix.Length)
        {
            return false;
        }

        var parts = id[Prefix.Length..].Split(':', 3);
        var first = Array.IndexOf(Names, parts[0]);
        if (parts.Length == 1 && first >= 0 && IsPlanWide((Kind)first))
        {
            button = new PlanButton((Kind)first);
            return true;
        }

        if (parts[0].Length == 0)
        {
            return false;
        }

        var action = parts.Length > 1 ? Array.IndexOf(Names, parts[1]) : (int)Kind.Open;
        // An action this version does not know opens the commitment, so an old button still shows something useful.
        var kind = action < 0 || IsPlanWide((Kind)action) ? Kind.Open : (Kind)action;
        button = new PlanButton(kind, parts[0], parts.Length > 2 && kind != Kind.Open ? parts[2] : string.Empty);
        return true;
    }

    /// <summary>The step a skip button stands for; null when it names none.</summary>
    public PlanStep? Step => What == Kind.Skip && Enum.TryParse<PlanStep>(Argument, ignoreCase: true, out var step) && step != PlanStep.Idle ? step : null;
}
