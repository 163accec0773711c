using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;

namespace RecipeBot.Reminders;

/// <summary>
/// How long before a meeting a reminder goes: a duration (<c>1h</c>, <c>30m</c>) or a local time some
/// days before (<c>1d@10:00</c>: the day before, at 10:00 on the meeting's wall clock). <see cref="Text"/>
/// is the canonical spelling and names the notification kind, so <c>60m</c> and <c>1h</c> are one reminder.
/// </summary>
public sealed partial record LeadTime
{
    /// <summary>The kind prefix of reminders in the ledger: <c>lead-1h</c>, <c>lead-1d@10:00</c>.</summary>
    public const string KindPrefix = "lead-";

    /// <summary>What a lead time looks like, for error messages.</summary>
    public const string Format = "\"Nd@HH:mm\" (N days before, at that local time), \"Nh\" or \"Nm\" (that long before)";

    private LeadTime(TimeSpan before, int days, TimeOnly? at)
    {
        Before = before;
        Days = days;
        At = at;
        Text = at is { } time
            ? string.Create(CultureInfo.InvariantCulture, $"{days}d@{time:HH:mm}")
            : before.TotalMinutes % 60 == 0
                ? string.Create(CultureInfo.InvariantCulture, $"{(long)before.TotalHours}h")
                : string.Create(CultureInfo.InvariantCulture, $"{(long)before.TotalMinutes}m");
    }

    /// <summary>For a duration lead: how long before the start.</summary>
    public TimeSpan Before { get; }

    /// <summary>For a wall-clock lead: how many days before the meeting's local date.</summary>
    public int Days { get; }

    /// <summary>For a wall-clock lead: the local time of day; null for a duration.</summary>
    public TimeOnly? At { get; }

    /// <summary>The canonical spelling, e.g. <c>1h</c>, <c>90m</c>, <c>1d@10:00</c>.</summary>
    public string Text { get; }

    /// <summary>The ledger kind of this reminder.</summary>
    public string Kind => KindPrefix + Text;

    public static bool TryParse(string? text, [NotNullWhen(true)] out LeadTime? lead)
    {
        lead = null;
        var match = text is null ? null : Pattern().Match(text.Trim());
        if (match is not { Success: true })
        {
            return false;
        }

        if (!int.TryParse(match.Groups["n"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            return false;
        }

        if (match.Groups["at"].Success)
        {
            if (!TimeOnly.TryParseExact(match.Groups["at"].Value, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var at) || n > 366)
            {
                return false;
            }

            lead = new LeadTime(TimeSpan.Zero, n, at);
            return true;
        }

        var before = match.Groups["unit"].Value == "h" ? TimeSpan.FromHours(n) : TimeSpan.FromMinutes(n);
        if (n == 0 || before > TimeSpan.FromDays(366))
        {
            return false;
        }

        lead = new LeadTime(before, 0, null);
        return true;
    }

    public static LeadTime Parse(string text) =>
        TryParse(text, out var lead) ? lead : throw new FormatException($"\"{text}\" is not a lead time: use {Format}.");

    /// <summary>The lead time a ledger kind names (<c>lead-1h</c>), or null for other kinds.</summary>
    public static LeadTime? FromKind(string kind) =>
        kind.StartsWith(KindPrefix, StringComparison.Ordinal) && TryParse(kind[KindPrefix.Length..], out var lead) ? lead : null;

    /// <summary>When the reminder for a meeting starting at <paramref name="start"/> is due, on <paramref name="zone"/>'s wall clock.</summary>
    public DateTimeOffset DueFor(DateTimeOffset start, TimeZoneInfo zone)
    {
        if (At is not { } at)
        {
            return start - Before;
        }

        var localDate = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(start, zone).DateTime);
        return FromWallClock(localDate.AddDays(-Days).ToDateTime(at), zone);
    }

    /// <summary>
    /// The instant a wall-clock time names in <paramref name="zone"/>. A time skipped by a spring-forward
    /// change is moved on by the gap (03:30 becomes 04:30); a time that happens twice on a fall-back
    /// day is its first (summer-time) instance.
    /// </summary>
    internal static DateTimeOffset FromWallClock(DateTime wall, TimeZoneInfo zone)
    {
        TimeSpan offset;
        if (zone.IsInvalidTime(wall))
        {
            // The offset in force before the gap puts the instant just as far past the jump.
            offset = zone.GetUtcOffset(wall.AddDays(-1));
        }
        else if (zone.IsAmbiguousTime(wall))
        {
            offset = zone.GetAmbiguousTimeOffsets(wall).Max();
        }
        else
        {
            offset = zone.GetUtcOffset(wall);
        }

        var instant = new DateTimeOffset(DateTime.SpecifyKind(wall, DateTimeKind.Unspecified), offset);
        return instant.ToOffset(zone.GetUtcOffset(instant));
    }

    public override string ToString() => Text;

    [GeneratedRegex(@"^(?:(?<n>\d{1,4})d@(?<at>\d{2}:\d{2})|(?<n>\d{1,6})(?<unit>[hm]))$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
