namespace RecipeBot.Core.Stats;

/// <summary>
/// The figures <c>/stats</c> reports, in the order shown, after the success indicators of the working group's
/// programme: round tables with community representatives, co-creation processes started, good examples shared,
/// commitments by completion level, and what the bot itself saw (situations diagnosed, recipes tried). Each has a
/// text <c>stats-figure-{id}</c>. A figure no registered <see cref="IStatsSource"/> provides is shown as "—".
/// </summary>
public static class StatsFigures
{
    /// <summary>Closed meetings at which somebody was present (the close-out's attendance is above zero).</summary>
    public const string RoundTables = "round-tables";

    public const string MeetingsClosed = "meetings-closed";

    public const string Attendees = "attendees";

    /// <summary>Different organisations named in the period's close-outs.</summary>
    public const string Organisations = "organisations";

    /// <summary>Commitments with partners (from the action plan).</summary>
    public const string CoCreationProcesses = "co-creation-processes";

    /// <summary>Completed commitments shared as good examples (from the action plan).</summary>
    public const string GoodExamples = "good-examples";

    /// <summary>Commitments at each level of the IRM's completion scale (from the action plan).</summary>
    public const string CommitmentsNotStarted = "commitments-not-started";

    public const string CommitmentsLimited = "commitments-limited";

    public const string CommitmentsSubstantial = "commitments-substantial";

    public const string CommitmentsComplete = "commitments-complete";

    public const string SituationsDiagnosed = "situations-diagnosed";

    public const string RecipesTried = "recipes-tried";

    public const string TextPrefix = "stats-figure-";

    public static IReadOnlyList<string> All { get; } =
    [
        RoundTables, MeetingsClosed, Attendees, Organisations, CoCreationProcesses, GoodExamples,
        CommitmentsNotStarted, CommitmentsLimited, CommitmentsSubstantial, CommitmentsComplete,
        SituationsDiagnosed, RecipesTried,
    ];
}
