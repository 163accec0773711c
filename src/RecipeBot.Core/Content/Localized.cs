namespace RecipeBot.Core.Content;

/// <summary>A value in every content language (et, en, ru …), keyed by language code.</summary>
public sealed class Localized<T>(IReadOnlyDictionary<string, T> values, SourceLocation location)
    where T : class
{
    public IReadOnlyDictionary<string, T> Values { get; } = values;

    public SourceLocation Location { get; } = location;

    /// <summary>The value in <paramref name="language"/>, else in <paramref name="fallback"/>, else any.</summary>
    public T Get(string language, string fallback) =>
        Values.TryGetValue(language, out var value) ? value
        : Values.TryGetValue(fallback, out var other) ? other
        : Values.Values.First();
}
