using System.Text.Json.Nodes;

namespace RecipeBot.Core.Privacy;

/// <summary>Several stores as one source, in order: how a storage module registers those of its stores that keep personal data.</summary>
public sealed class CompositePersonalDataSource(IEnumerable<IPersonalDataSource> sources) : IPersonalDataSource
{
    private readonly IReadOnlyList<IPersonalDataSource> _sources = [.. sources];

    public async ValueTask ExportAsync(PersonalDataSubject subject, JsonObject export, CancellationToken cancellationToken)
    {
        foreach (var source in _sources)
        {
            await source.ExportAsync(subject, export, cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask EraseAsync(PersonalDataSubject subject, CancellationToken cancellationToken)
    {
        foreach (var source in _sources)
        {
            await source.EraseAsync(subject, cancellationToken).ConfigureAwait(false);
        }
    }
}
