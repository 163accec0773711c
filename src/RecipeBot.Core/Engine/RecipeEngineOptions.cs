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
}
