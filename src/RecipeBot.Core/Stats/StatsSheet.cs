namespace RecipeBot.Core.Stats;

/// <summary>The figures the sources gave for one period; a figure several sources give is summed.</summary>
public sealed class StatsSheet
{
    private readonly Dictionary<string, long> _values = new(StringComparer.Ordinal);

    public void Add(string figure, long value) =>
        _values[figure] = _values.GetValueOrDefault(figure) + value;

    /// <summary>The figure's value; null when no source gave it.</summary>
    public long? this[string figure] => _values.TryGetValue(figure, out var value) ? value : null;

    /// <summary>Figures given that <see cref="StatsFigures.All"/> does not list (a source newer than this list), by id.</summary>
    public IEnumerable<string> Extra => _values.Keys.Where(k => !StatsFigures.All.Contains(k)).Order(StringComparer.Ordinal);
}
