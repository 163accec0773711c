namespace RecipeBot.Core.Dialogs;

/// <summary>The answer to "how did it go?": <c>step:done:{situation}</c> or <c>step:stuck:{situation}</c>.</summary>
public readonly record struct NextStepButton(bool Done, string SituationId)
{
    public const string Prefix = "step:";
    public const string DonePrefix = Prefix + "done:";
    public const string StuckPrefix = Prefix + "stuck:";

    public string Id => (Done ? DonePrefix : StuckPrefix) + SituationId;

    public static bool TryParse(string id, out NextStepButton button)
    {
        button = default;
        var done = id.StartsWith(DonePrefix, StringComparison.Ordinal);
        if (!done && !id.StartsWith(StuckPrefix, StringComparison.Ordinal))
        {
            return false;
        }

        var situation = id[(done ? DonePrefix : StuckPrefix).Length..];
        button = new NextStepButton(done, situation);
        return situation.Length > 0;
    }
}
