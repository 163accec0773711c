using System.Globalization;

namespace RecipeBot.Core.Stats;

/// <summary>The days a <c>/stats</c> report covers, both ends included, in the conversation's time zone.</summary>
public sealed record StatsPeriod(DateOnly From, DateOnly To)
{
    /// <summary>How far back a period may reach: "all" means from this day.</summary>
    public static readonly DateOnly Earliest = new(2000, 1, 1);

    public string Label => string.Create(CultureInfo.InvariantCulture, $"{From:yyyy-MM-dd} – {To:yyyy-MM-dd}");

    /// <summary>The instants from the start of <see cref="From"/> to the end of <see cref="To"/> in <paramref name="zone"/>.</summary>
    public StatsQuery Query(string conversationId, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return new StatsQuery(conversationId, Start(From, zone), Start(To.AddDays(1), zone));
    }

    private static DateTimeOffset Start(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }
}
