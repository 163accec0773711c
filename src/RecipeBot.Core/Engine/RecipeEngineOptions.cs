using System.ComponentModel.DataAnnotations;

namespace RecipeBot.Core.Engine;

/// <summary>Settings of the conversation engine (section <c>RecipeBot</c>).</summary>
public sealed class RecipeEngineOptions
{
    public const string SectionName = "RecipeBot";

    /// <summary>The content folder; relative paths are tried from the working directory, then next to the program.</summary>
    [Required]
    public string ContentPath { get; set; } = "dialogs";

    /// <summary>The trained free-text model is kept here and reused while the examples stay the same.</summary>
    public string? ModelCachePath { get; set; } = "data/intent-model.bin";

    /// <summary>Longer messages are refused politely (Telegram allows 4,096 characters).</summary>
    [Range(1, 100_000)]
    public int MaxTextLength { get; set; } = 4000;

    /// <summary>
    /// Users who may change any meeting in a group, besides its creator and the group's admins:
    /// channel-qualified ids such as <c>telegram:123456789</c> or <c>teams:29:1a2b…</c>.
    /// </summary>
    public List<string> Coordinators { get; set; } = [];

    /// <summary>
    /// Rehearse turns at start, before the channels take messages (in memory, stored and sent nowhere), so that the
    /// first users after a start do not wait for the code of a turn to be compiled.
    /// </summary>
    public bool Rehearse { get; set; } = true;

    /// <summary>How long after "I'll try this" the bot asks how it went (default 7 days).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "365.00:00:00")]
    public TimeSpan NextStepAfter { get; set; } = TimeSpan.FromDays(7);
}
