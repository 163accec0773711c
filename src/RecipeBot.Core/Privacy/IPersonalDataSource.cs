using System.Text.Json.Nodes;

namespace RecipeBot.Core.Privacy;

/// <summary>
/// A store that keeps something about a conversation or its users. <c>/export</c> asks every source for what it
/// keeps, <c>/forget</c> and the retention job have every source erase it, so a new store only registers one of
/// these (as <see cref="IPersonalDataSource"/> in the container) to be covered by both.
/// </summary>
public interface IPersonalDataSource
{
    /// <summary>Adds what this store keeps of <paramref name="subject"/> to <paramref name="export"/>, under section names of its own.</summary>
    ValueTask ExportAsync(PersonalDataSubject subject, JsonObject export, CancellationToken cancellationToken);

    /// <summary>Erases what this store keeps of <paramref name="subject"/>; nothing when it keeps nothing.</summary>
    ValueTask EraseAsync(PersonalDataSubject subject, CancellationToken cancellationToken);
}
