namespace RecipeBot.Core.Content;

/// <summary>All content of <c>dialogs/</c>, loaded once and immutable afterwards.</summary>
public sealed class ContentSet
{
    public ContentSet(
        FlowDefinition flow,
        IReadOnlyDictionary<string, Localized<string>> texts,
        IReadOnlyList<Situation> situations,
        IReadOnlyList<MethodCard> methods,
        IReadOnlyList<ReferenceCard>? cards = null)
    {
        Cards = cards ?? [];
        CardsById = Cards.GroupBy(c => c.Id).ToDictionary(g => g.Key, g => g.First());
        Flow = flow;
        Texts = texts;
        Situations = situations;
        Methods = methods;
        SituationsById = situations.GroupBy(s => s.Id).ToDictionary(g => g.Key, g => g.First());
        MethodsById = methods.GroupBy(m => m.Id).ToDictionary(g => g.Key, g => g.First());
        RecipesById = situations.SelectMany(s => s.Recipes).GroupBy(r => r.Id).ToDictionary(g => g.Key, g => g.First());
    }

    public FlowDefinition Flow { get; }

    public IReadOnlyDictionary<string, Localized<string>> Texts { get; }

    public IReadOnlyList<Situation> Situations { get; }

    public IReadOnlyList<MethodCard> Methods { get; }

    /// <summary>Reference cards (<c>cards.yaml</c>): what AVP KOV is, the network, co-creation …</summary>
    public IReadOnlyList<ReferenceCard> Cards { get; }

    public IReadOnlyDictionary<string, ReferenceCard> CardsById { get; }

    public IReadOnlyDictionary<string, Situation> SituationsById { get; }

    public IReadOnlyDictionary<string, MethodCard> MethodsById { get; }

    public IReadOnlyDictionary<string, Recipe> RecipesById { get; }

    /// <summary>A text from <c>texts.yaml</c> in <paramref name="language"/>; the key itself if missing.</summary>
    public string Text(string key, string language) =>
        Texts.TryGetValue(key, out var text) ? text.Get(language, Flow.DefaultLanguage) : key;
}
