using System.Globalization;

namespace RecipeBot.Core.Dialogs;

/// <summary>A button of the schedule dialog: <c>sched:{what}</c> or <c>sched:{what}:{value}</c>, e.g. <c>sched:time:18:00</c>.</summary>
public readonly record struct ScheduleButton(ScheduleButton.Kind What, string Value = "")
{
    public const string Prefix = "sched:";

    private static readonly string[] Names = ["freq", "day", "week", "date", "time", "pick", "save", "edit", "cancel", "continue"];

    public enum Kind
    {
        Frequency,
        Weekday,
        Week,
        Date,
        Time,
        Pick,
        Save,
        Edit,
        Cancel,
        Continue,
    }

    public string Id => Value.Length == 0 ? Prefix + Names[(int)What] : string.Concat(Prefix, Names[(int)What], ":", Value);

    public static ScheduleButton Frequency(string frequency) => new(Kind.Frequency, frequency);

    public static ScheduleButton Weekday(string code) => new(Kind.Weekday, code);

    public static ScheduleButton Week(string week) => new(Kind.Week, week);

    public static ScheduleButton Date(DateOnly date) => new(Kind.Date, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    public static ScheduleButton Time(string time) => new(Kind.Time, time);

    public static ScheduleButton Pick(int index) => new(Kind.Pick, index.ToString(CultureInfo.InvariantCulture));

    public static bool TryParse(string id, out ScheduleButton button)
    {
        button = default;
        if (!id.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var rest = id.AsSpan(Prefix.Length);
        var colon = rest.IndexOf(':');
        var name = colon < 0 ? rest : rest[..colon];
        for (var i = 0; i < Names.Length; i++)
        {
            if (name.SequenceEqual(Names[i]))
            {
                button = new ScheduleButton((Kind)i, colon < 0 ? string.Empty : rest[(colon + 1)..].ToString());
                return true;
            }
        }

        return false;
    }
}
