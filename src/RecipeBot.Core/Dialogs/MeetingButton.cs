namespace RecipeBot.Core.Dialogs;

/// <summary>A button of the meetings dialog: <c>mtg:list</c>, <c>mtg:{meeting}</c> (open it) or <c>mtg:{meeting}:{action}</c>.</summary>
public readonly record struct MeetingButton(MeetingButton.Kind What, string MeetingId = "")
{
    public const string Prefix = "mtg:";

    private static readonly string[] Names = ["list", "open", "pause", "resume", "change", "ics", "cancel"];

    public enum Kind
    {
        List,
        Open,
        Pause,
        Resume,
        Change,
        Ics,
        Cancel,
    }

    public static MeetingButton List { get; } = new(Kind.List);

    public string Id => What switch
    {
        Kind.List => Prefix + Names[0],
        Kind.Open => Prefix + MeetingId,
        _ => string.Concat(Prefix, MeetingId, ":", Names[(int)What]),
    };

    public static bool TryParse(string id, out MeetingButton button)
    {
        button = default;
        if (!id.StartsWith(Prefix, StringComparison.Ordinal) || id.Length == Prefix.Length)
        {
            return false;
        }

        var rest = id[Prefix.Length..];
        if (rest == Names[0])
        {
            button = List;
            return true;
        }

        var colon = rest.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            button = new MeetingButton(Kind.Open, rest);
            return true;
        }

        var action = Array.IndexOf(Names, rest[(colon + 1)..]);
        // An action this version does not know opens the meeting, so an old button still shows something useful.
        button = new MeetingButton(action > 0 ? (Kind)action : Kind.Open, rest[..colon]);
        return colon > 0;
    }
}
