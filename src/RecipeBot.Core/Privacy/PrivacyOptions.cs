using System.ComponentModel.DataAnnotations;

namespace RecipeBot.Core.Privacy;

/// <summary>How long conversations are kept (section <c>Privacy</c>).</summary>
public sealed class PrivacyOptions
{
    public const string SectionName = "Privacy";

    /// <summary>A conversation with no message for this many days is deleted with everything of it.</summary>
    [Range(1, 36_500)]
    public int RetentionDays { get; set; } = 365;

    /// <summary>The same for anonymous visitors of the website's chat (<see cref="RetentionPolicy.IsAnonymousVisitor"/>).</summary>
    [Range(1, 36_500)]
    public int WebRetentionDays { get; set; } = 30;
}
