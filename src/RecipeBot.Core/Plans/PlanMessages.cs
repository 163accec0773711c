using System.Globalization;
using RecipeBot.Core.Content;
using RecipeBot.Core.Engine;
using RecipeBot.Core.Flow;

namespace RecipeBot.Core.Plans;

/// <summary>The words of the action plan from <c>texts.yaml</c>: levels, values, dates, a commitment's fields, and the check-in.</summary>
public sealed class PlanMessages(CompiledFlow flow)
{
    /// <summary>Fields of a commitment in the order of OGP's commitment template (text keys <c>plan-field-…</c>).</summary>
    public static IReadOnlyList<string> Fields { get; } = ["title", "problem", "action", "lead", "partners", "milestones", "values", "level", "history"];

    /// <summary>The text keys this class and the plan dialog need; the validator requires each.</summary>
    public static IReadOnlyList<string> RequiredKeys { get; } =
    [
        "plan-none", "plan-list", "plan-item", "plan-item-more", "plan-open", "plan-add", "plan-export-docx", "plan-export-md",
        "plan-back", "plan-details", "plan-edit", "plan-progress", "plan-share", "plan-skip", "plan-values-done",
        "plan-ask-title", "plan-ask-problem", "plan-ask-action", "plan-ask-lead", "plan-ask-partners", "plan-ask-milestones",
        "plan-ask-values", "plan-ask-note", "plan-ask-level", "plan-milestone-no-date", "plan-added", "plan-not-allowed",
        "plan-not-found", "plan-saved", "plan-progress-saved", "plan-complete-offer", "plan-shared", "plan-export-caption",
        "plan-overdue", "plan-no-milestone", "plan-checkin", "plan-checkin-milestone", "plan-date", "plan-empty",
        "plan-history-item", "plan-doc-title", "plan-too-many", "plan-example",
        .. Fields.Select(f => "plan-field-" + f),
        .. PlanWords.Levels.Select(l => "plan-level-" + PlanWords.LevelCode(l)),
        .. PlanWords.Values.Select(v => "plan-value-" + PlanWords.ValueCode(v)),
    ];

    /// <summary>The placeholders each plan text may use (<see cref="Engine.TextPlaceholders"/>).</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Placeholders { get; } = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
    {
        ["plan-list"] = ["count"],
        ["plan-item"] = ["n", "title", "level", "lead", "next", "overdue"],
        ["plan-item-more"] = ["count"],
        ["plan-open"] = ["n"],
        ["plan-details"] = ["title", "level", "overdue", "problem", "action", "lead", "partners", "milestones", "values", "history"],
        ["plan-ask-title"] = ["title"],
        ["plan-ask-problem"] = ["title"],
        ["plan-ask-action"] = ["title"],
        ["plan-ask-lead"] = ["title"],
        ["plan-ask-partners"] = ["title"],
        ["plan-ask-milestones"] = ["title"],
        ["plan-ask-values"] = ["title"],
        ["plan-ask-note"] = ["title"],
        ["plan-ask-level"] = ["title", "level"],
        ["plan-milestone-no-date"] = ["text"],
        ["plan-added"] = ["title"],
        ["plan-progress-saved"] = ["title", "level"],
        ["plan-example"] = ["title", "problem", "action", "lead", "partners"],
        ["plan-export-caption"] = ["file"],
        ["plan-overdue"] = ["count"],
        ["plan-checkin"] = ["lead", "title", "level"],
        ["plan-checkin-milestone"] = ["lead", "title", "milestone"],
        ["plan-date"] = ["day", "month|monthnumber", "year"],
        ["plan-history-item"] = ["date", "level", "note"],
        ["plan-too-many"] = ["max"],
    };

    public string Text(string key, string language) => flow.Content.Text(key, language);

    public string Say(string key, string language, params ReadOnlySpan<(string Name, string Value)> values) =>
        TextTemplate.Render(Text(key, language), values);

    public string Level(CompletionLevel level, string language) => Text("plan-level-" + PlanWords.LevelCode(level), language);

    public string Values(OgpValues values, string language) =>
        values == OgpValues.None ? Text("plan-empty", language)
        : string.Join(", ", PlanWords.Values.Where(v => values.HasFlag(v)).Select(v => Text("plan-value-" + PlanWords.ValueCode(v), language)));

    public string Date(DateOnly date, string language) =>
        Say(
            "plan-date",
            language,
            ("day", date.Day.ToString(CultureInfo.InvariantCulture)),
            ("monthnumber", date.Month.ToString("00", CultureInfo.InvariantCulture)),
            ("month", Text("month-" + date.Month.ToString(CultureInfo.InvariantCulture), language)),
            ("year", date.Year.ToString(CultureInfo.InvariantCulture)));

    public string Milestone(Milestone milestone, string language) => milestone.Title.Length == 0
        ? Date(milestone.Due, language)
        : milestone.Title + " — " + Date(milestone.Due, language);

    /// <summary>A field's value as the export writes it: the text, or a dash.</summary>
    public string Field(Commitment commitment, string field, string language) => field switch
    {
        "title" => commitment.Title,
        "problem" => commitment.Problem ?? Text("plan-empty", language),
        "action" => commitment.Action ?? Text("plan-empty", language),
        "lead" => commitment.Lead ?? Text("plan-empty", language),
        "partners" => commitment.HasPartners ? string.Join(", ", commitment.Partners) : Text("plan-empty", language),
        "milestones" => commitment.Milestones.Count == 0
            ? Text("plan-empty", language)
            : string.Join("\n", commitment.Milestones.OrderBy(m => m.Due).Select(m => Milestone(m, language))),
        "values" => Values(commitment.Values, language),
        "level" => Level(commitment.Level, language),
        "history" => commitment.Progress.Count == 0
            ? Text("plan-empty", language)
            : string.Join("\n", commitment.Progress.Select(p => History(p, language))),
        _ => string.Empty,
    };

    public string History(ProgressReport report, string language) =>
        Say(
            "plan-history-item",
            language,
            ("date", Date(DateOnly.FromDateTime(report.At.UtcDateTime), language)),
            ("level", Level(report.Level, language)),
            ("note", string.IsNullOrWhiteSpace(report.Note) ? string.Empty : " — " + report.Note));

    /// <summary>"How far is …?" to the lead, with the levels as buttons; <paramref name="milestone"/> when a milestone date passed.</summary>
    public OutgoingMessage CheckIn(Plan plan, Commitment commitment, Milestone? milestone)
    {
        var language = plan.Language;
        var text = milestone is null
            ? Say("plan-checkin", language, ("lead", commitment.Lead ?? Text("plan-empty", language)), ("title", Short(commitment.Title)), ("level", Level(commitment.Level, language)))
            : Say("plan-checkin-milestone", language, ("lead", commitment.Lead ?? Text("plan-empty", language)), ("title", Short(commitment.Title)), ("milestone", Short(Milestone(milestone, language))));
        return new OutgoingMessage(plan.ConversationId, text, LevelChoices(commitment, language), [], string.Empty, language, Proactive: true);
    }

    public IReadOnlyList<ChoiceView> LevelChoices(Commitment commitment, string language) =>
        [.. PlanWords.Levels.Select(l => new ChoiceView(Dialogs.PlanButton.Level(commitment.Id, l).Id, Level(l, language)))];

    /// <summary>At most <paramref name="max"/> characters of <paramref name="text"/> on one line, for phone-short messages.</summary>
    public static string Short(string text, int max = 80)
    {
        var line = text.ReplaceLineEndings(" ").Trim();
        return line.Length <= max ? line : line[..(char.IsHighSurrogate(line[max - 2]) ? max - 2 : max - 1)] + "…";
    }
}
