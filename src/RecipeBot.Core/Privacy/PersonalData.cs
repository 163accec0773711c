using System.Text.Json;
using System.Text.Json.Nodes;

namespace RecipeBot.Core.Privacy;

/// <summary>Everything the bot keeps about a subject, across every <see cref="IPersonalDataSource"/>: exported as one JSON document, or erased.</summary>
public sealed class PersonalData(IEnumerable<IPersonalDataSource> sources, TimeProvider time)
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };
    private readonly IReadOnlyList<IPersonalDataSource> _sources = [.. sources];

    /// <summary>No sources: nothing to export or erase (a host without storage).</summary>
    public static PersonalData None { get; } = new([], TimeProvider.System);

    /// <summary>The export: who, when, then each source's sections.</summary>
    public async ValueTask<JsonObject> ExportAsync(PersonalDataSubject subject, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var export = new JsonObject
        {
            ["conversationId"] = subject.ConversationId,
            ["userId"] = subject.UserId,
            ["group"] = subject.IsGroup,
            ["exportedAt"] = time.GetUtcNow(),
        };
        await new CompositePersonalDataSource(_sources).ExportAsync(subject, export, cancellationToken).ConfigureAwait(false);
        return export;
    }

    /// <summary>The export as an indented UTF-8 JSON file.</summary>
    public async ValueTask<byte[]> ExportFileAsync(PersonalDataSubject subject, CancellationToken cancellationToken) =>
        JsonSerializer.SerializeToUtf8Bytes(await ExportAsync(subject, cancellationToken).ConfigureAwait(false), Indented);

    public ValueTask EraseAsync(PersonalDataSubject subject, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        return new CompositePersonalDataSource(_sources).EraseAsync(subject, cancellationToken);
    }
}
