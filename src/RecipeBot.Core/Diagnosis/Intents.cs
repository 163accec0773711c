using RecipeBot.Core.Content;

namespace RecipeBot.Core.Diagnosis;

/// <summary>What a free-text message can mean: a situation id, a reference card (<c>card/…</c>) or one of these.</summary>
public static class Intents
{
    public const string ScheduleMeeting = "schedule-meeting";
    public const string Help = "help";
    public const string Greeting = "greeting";
    public const string Thanks = "thanks";
    public const string None = "none";

    public static IReadOnlyList<string> NonSituation { get; } = [ScheduleMeeting, Help, Greeting, Thanks, None];

    public static IReadOnlyList<string> All(ContentSet content) =>
        [.. content.Situations.Select(s => s.Id), .. content.Cards.Select(c => c.IntentId), .. NonSituation];
}
