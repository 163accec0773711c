using System.Text.Json;
using System.Text.Json.Serialization;
using RecipeBot.Scheduling;

namespace RecipeBot.Core.Meetings;

/// <summary>Where a conversation stands in making (or changing) a meeting schedule.</summary>
public enum DraftStep
{
    /// <summary>Waiting for a typed schedule, or a frequency button.</summary>
    Describe,

    /// <summary>Guided: which weekday.</summary>
    Weekday,

    /// <summary>Guided, monthly: which week of the month.</summary>
    WeekOfMonth,

    /// <summary>Guided, one meeting: which date.</summary>
    Date,

    /// <summary>Guided: what time.</summary>
    Time,

    /// <summary>The text read two ways: which one was meant.</summary>
    Disambiguate,

    /// <summary>The next three dates are shown: save, change or cancel.</summary>
    Confirm,
}

/// <summary>
/// A schedule being made in a conversation: saved with the conversation between turns, gone once
/// the meeting is saved or the user cancels. Stored as JSON (<see cref="ToJson"/>).
/// </summary>
public sealed class ScheduleDraft
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    public DraftStep Step { get; set; }

    /// <summary>The meeting being changed; null when a new one is made.</summary>
    public string? MeetingId { get; set; }

    /// <summary>Guided path: <c>weekly</c>, <c>biweekly</c>, <c>monthly</c>, <c>quarterly</c> or <c>once</c>.</summary>
    public string? Frequency { get; set; }

    public DayOfWeek? Weekday { get; set; }

    /// <summary>Guided monthly: 1–4, or −1 for the last week.</summary>
    public int? WeekOfMonth { get; set; }

    public DateOnly? Date { get; set; }

    /// <summary>The readings offered when the text was ambiguous (Disambiguate), with their text keys.</summary>
    public List<DraftAlternative> Alternatives { get; init; } = [];

    /// <summary>The schedule shown for confirmation.</summary>
    public MeetingSchedule? Proposed { get; set; }

    /// <summary>The schedule being changed ("Change it", a meeting's "Change the schedule"): what the user does not mention stays.</summary>
    public MeetingSchedule? Base { get; set; }

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static ScheduleDraft? FromJson(string? json) =>
        string.IsNullOrEmpty(json) ? null : JsonSerializer.Deserialize<ScheduleDraft>(json, Json);
}

/// <summary>One reading of an ambiguous text, as kept in a draft.</summary>
public sealed record DraftAlternative(string DescriptionKey, MeetingSchedule Schedule);
