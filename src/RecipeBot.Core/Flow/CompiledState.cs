using System.Collections.Frozen;
using RecipeBot.Core.Content;
using RecipeBot.Core.Engine;

namespace RecipeBot.Core.Flow;

/// <summary>A state with everything a turn needs precomputed: choices, labels and texts per language and role.</summary>
public sealed class CompiledState
{
    private readonly FrozenDictionary<string, FlowChoice> _byId;
    private readonly FrozenDictionary<string, FlowChoice> _byLabel;
    private readonly FrozenDictionary<string, IReadOnlyList<ChoiceView>> _views;
    private readonly FrozenDictionary<string, string> _fullTexts;
    private readonly FrozenDictionary<string, string> _prompts;

    internal CompiledState(FlowState definition, ContentSet content)
    {
        Definition = definition;
        Situation = definition.SituationId is null ? null : content.SituationsById[definition.SituationId];
        Choices = EffectiveChoices.For(definition, content);
        RecipeIds = Situation?.Recipes.Select(r => r.Id).ToArray() ?? [];
        _byId = Choices.DistinctBy(c => c.Id).ToFrozenDictionary(c => c.Id, StringComparer.Ordinal);

        var languages = content.Flow.Languages;
        var byLabel = new Dictionary<string, FlowChoice>(StringComparer.Ordinal);
        var views = new Dictionary<string, IReadOnlyList<ChoiceView>>(StringComparer.Ordinal);
        var fullTexts = new Dictionary<string, string>(StringComparer.Ordinal);
        var prompts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var language in languages)
        {
            views[language] = Choices.Select(c => new ChoiceView(c.Id, ReplyTexts.Label(c, language, content))).ToArray();
            foreach (var view in views[language])
            {
                byLabel.TryAdd(TextNormalizer.Normalize(view.Label), _byId[view.Id]);
            }

            prompts[language] = ReplyTexts.Prompt(definition, language, content);
            fullTexts[Key(language, null)] = ReplyTexts.Full(definition, Situation, language, null, content);
            foreach (var role in Roles.All)
            {
                fullTexts[Key(language, role)] = ReplyTexts.Full(definition, Situation, language, role, content);
            }
        }

        _byLabel = byLabel.ToFrozenDictionary(StringComparer.Ordinal);
        _views = views.ToFrozenDictionary(StringComparer.Ordinal);
        _fullTexts = fullTexts.ToFrozenDictionary(StringComparer.Ordinal);
        _prompts = prompts.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public string Id => Definition.Id;

    public FlowState Definition { get; }

    public Situation? Situation { get; }

    public IReadOnlyList<FlowChoice> Choices { get; }

    public IReadOnlyList<string> RecipeIds { get; }

    public IReadOnlyList<ChoiceView> ChoiceViews(string language) => _views[language];

    /// <summary>The state's whole message: its question, or the recipes of its situation.</summary>
    public string FullText(string language, string? role) => _fullTexts[Key(language, role)];

    /// <summary>Just the question, without recipes.</summary>
    public string Prompt(string language) => _prompts[language];

    /// <summary>
    /// The choice the user meant: a button id, a number ("2") or a label in any language
    /// (case and diacritics ignored). Null when nothing matches.
    /// </summary>
    public FlowChoice? Match(string text)
    {
        var trimmed = text.AsSpan().Trim();
        if (_byId.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(trimmed, out var byId))
        {
            return byId;
        }

        var number = trimmed.TrimEnd('.');
        if (int.TryParse(number, out var n) && n >= 1 && n <= Choices.Count)
        {
            return Choices[n - 1];
        }

        return _byLabel.TryGetValue(TextNormalizer.Normalize(text), out var byLabel) ? byLabel : null;
    }

    private static string Key(string language, string? role) => role is null ? language : string.Concat(language, "|", role);
}
