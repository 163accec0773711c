namespace RecipeBot.Scheduling;

/// <summary>
/// A time zone as people type it: an IANA id (<c>Europe/Helsinki</c>, <c>Etc/UTC</c>) or <c>UTC</c>, in any case
/// when only one zone matches. Abbreviations (<c>EST</c>) and Windows names are refused: they are ambiguous or
/// not portable.
/// </summary>
public static class TimeZoneNames
{
    private const string Utc = "UTC";

    private static readonly Lazy<ILookup<string, string>> Known = new(() =>
        TimeZoneInfo.GetSystemTimeZones()
            .Where(zone => zone.HasIanaId)
            .Select(zone => zone.Id)
            .Append(Utc)
            .Append("Etc/UTC")
            .Where(IsRegionOrUtc)
            .Distinct(StringComparer.Ordinal)
            .ToLookup(id => id, StringComparer.OrdinalIgnoreCase));

    /// <summary>The zone's id as the system spells it, or null when <paramref name="text"/> names no single zone.</summary>
    public static string? Resolve(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var typed = text.Trim();
        if (typed.Length is 0 or > 64 || !IsRegionOrUtc(typed))
        {
            return null;
        }

        var listed = Known.Value[typed].ToList();
        if (listed is [var only])
        {
            return only;
        }

        if (listed.Contains(typed, StringComparer.Ordinal))
        {
            return typed;
        }

        // Not in the system's list (a link such as US/Eastern), or ambiguous in case: only as typed.
        return listed.Count == 0 && TimeZoneInfo.TryFindSystemTimeZoneById(typed, out var zone) && zone.HasIanaId && IsRegionOrUtc(zone.Id) ? zone.Id : null;
    }

    private static bool IsRegionOrUtc(string id) =>
        string.Equals(id, Utc, StringComparison.OrdinalIgnoreCase) || (id.Contains('/', StringComparison.Ordinal) && !id.Contains("..", StringComparison.Ordinal));
}
