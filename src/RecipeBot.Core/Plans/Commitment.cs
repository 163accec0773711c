using System.Security.Cryptography;

namespace RecipeBot.Core.Plans;

/// <summary>How far a commitment is, on the scale of OGP's Independent Reporting Mechanism.</summary>
public enum CompletionLevel
{
    NotStarted,
    Limited,
    Substantial,
    Complete,
}

/// <summary>The OGP values a commitment serves.</summary>
[Flags]
public enum OgpValues
{
    None = 0,
    Transparency = 1,
    Participation = 2,
    Accountability = 4,
}

/// <summary>A dated step of a commitment ("Kaasamiskava valmis", 31 March).</summary>
public sealed record Milestone(string Title, DateOnly Due);

/// <summary>One answer to "how far is …?": the level, an optional note, who answered and when.</summary>
public sealed record ProgressReport(DateTimeOffset At, CompletionLevel Level, string? By, string? Note = null);

/// <summary>
/// One commitment of an action plan, shaped like OGP's commitment template: title, the problem it answers, what will be
/// done, a lead, partners, dated milestones, the values it serves and how far it is.
/// </summary>
public sealed class Commitment
{
    private const string Alphabet = "abcdefghijkmnpqrstuvwxyz23456789";

    /// <summary>Short random id (8 characters) used in buttons and ledger keys.</summary>
    public required string Id { get; init; }

    public required string Title { get; set; }

    public string? Problem { get; set; }

    /// <summary>What will be done.</summary>
    public string? Action { get; set; }

    /// <summary>The lead as typed: a name, an office.</summary>
    public string? Lead { get; set; }

    public List<string> Partners { get; init; } = [];

    public List<Milestone> Milestones { get; init; } = [];

    public OgpValues Values { get; set; }

    public CompletionLevel Level { get; set; }

    /// <summary>Every progress answer, oldest first.</summary>
    public List<ProgressReport> Progress { get; init; } = [];

    public string? CreatedBy { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the complete commitment was shared as a good example; null when it was not.</summary>
    public DateTimeOffset? SharedAt { get; set; }

    /// <summary>A co-creation process: the commitment has partners outside the lead.</summary>
    public bool HasPartners => Partners.Count > 0;

    public static string NewId() => RandomNumberGenerator.GetString(Alphabet, 8);

    /// <summary>The first milestone on or after <paramref name="today"/>; null when none is left.</summary>
    public Milestone? NextMilestone(DateOnly today) =>
        Milestones.Where(m => m.Due >= today).OrderBy(m => m.Due).FirstOrDefault();

    /// <summary>Milestones whose date has passed while the commitment is not complete.</summary>
    public IEnumerable<Milestone> Overdue(DateOnly today) =>
        Level == CompletionLevel.Complete ? [] : Milestones.Where(m => m.Due < today).OrderBy(m => m.Due);
}
