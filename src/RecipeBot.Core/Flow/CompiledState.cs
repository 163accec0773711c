using System.Collections.Frozen;
using RecipeBot.Core.Content;
using RecipeBot.Core.Dialogs;
using RecipeBot.Core.Engine;

namespace RecipeBot.Core.Flow;

/// <summary>A state with everything a turn needs precomputed: choices, labels and texts per language and role.</summary>
public sealed class CompiledState
{
    private readonly FrozenDictionary<string, FlowChoice> _byId;
    private readonly ChoiceMatcher<FlowChoice> _matcher;
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
        var labels = new List<(string, FlowChoice)>();
        var views = new Dictionary<string, IReadOnlyList<ChoiceView>>(StringComparer.Ordinal);
        var fullTexts = new Dictionary<string, string>(StringComparer.Ordinal);
        var prompts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var language in languages)
        {
            views[language] = Choices.Select(c => new ChoiceView(c.Id, ReplyTexts.Label(c, language, content))).ToArray();
            labels.AddRange(views[language].Select(view => (view.Label, _byId[view.Id])));

            prompts[language] = ReplyTexts.Prompt(definition, language, content);
            fullTexts[Key(language, null)] = ReplyTexts.Full(definition, Situation, language, null, content);
            foreach (var role in Roles.All)
            {
                fullTexts[Key(language, role)] = ReplyTexts.Full(definition, Situation, language, role, content);
            }
        }

        _matcher = new ChoiceMatcher<FlowChoice>(Choices, c => c.Id, labels);
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

    /// <summary>The choice the user meant (see <see cref="ChoiceMatcher{T}"/>); null when nothing matches.</summary>
    public FlowChoice? Match(string text, bool byNumber = true) => _matcher.Match(text, byNumber);

    public FlowChoice? Choice(string id) => _byId.GetValueOrDefault(id);

    private static string Key(string language, string? role) => role is null ? language : string.Concat(language, "|", role);
}
