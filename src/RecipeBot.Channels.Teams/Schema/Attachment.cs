namespace RecipeBot.Channels.Teams.Schema;

/// <summary>A card (<see cref="Content"/>) or a file (<see cref="Name"/> and <see cref="ContentUrl"/>) in an activity.</summary>
public sealed record Attachment(string ContentType, object? Content)
{
    /// <summary>The file name shown for a file attachment.</summary>
    public string? Name { get; init; }

    /// <summary>Where the file is: for RecipeBot's small files, a <c>data:</c> URL holding the file itself.</summary>
    public string? ContentUrl { get; init; }
}
