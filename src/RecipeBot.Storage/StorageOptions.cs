using System.ComponentModel.DataAnnotations;

namespace RecipeBot.Storage;

/// <summary>Where conversations are kept (section <c>Storage</c>).</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary><c>sqlite</c> (the embedded default) or <c>memory</c> (nothing survives a restart).</summary>
    [Required]
    [RegularExpression("^(?i:sqlite|memory)$", ErrorMessage = "Storage:Provider must be 'sqlite' or 'memory'.")]
    public string Provider { get; set; } = "sqlite";

    /// <summary>The SQLite database file; relative paths are taken from the working directory.</summary>
    [Required]
    public string SqlitePath { get; set; } = "data/recipebot.db";

    /// <summary>Whether <see cref="Provider"/> is <c>memory</c>, in any case.</summary>
    public bool IsMemory => string.Equals(Provider?.Trim(), "memory", StringComparison.OrdinalIgnoreCase);
}
