using System.Collections.Frozen;
using RecipeBot.Core.Content;
using RecipeBot.Core.Dialogs;
using RecipeBot.Core.Engine;

namespace RecipeBot.Core.Flow;

/// <summary>
/// A state with everything a turn needs precomputed per language and role: its choices and labels, its text, and for a
/// situation the overview, each recipe's message and the buttons shown with each.
/// </summary>
public sealed class CompiledState
{
    private static readonly string?[] RolesOrNone = [null, .. Roles.All];

    private readonly FrozenDictionary<string, FlowChoice> _byId;
    private readonly ChoiceMatcher<FlowChoice> _matcher;
    private readonly FrozenDictionary<string, IReadOnlyList<ChoiceView>> _allViews;
    private readonly FrozenDictionary<string, IReadOnlyList<ChoiceView>> _shownViews;
    private readonly FrozenDictionary<string, string> _fullTexts;
    private readonly FrozenDictionary<string, string> _prompts;
    private readonly FrozenDictionary<string, IReadOnlyList<string>> _overviewRecipes;
    private readonly FrozenDictionary<string, (string Text, IReadOnlyList<ChoiceView> Choices)> _recipeViews;

    internal CompiledState(FlowState definition, ContentSet content)
    {
        Definition = definition;
        Situation = definition.SituationId is null ? null : content.SituationsById[definition.SituationId];
        Choices = EffectiveChoices.For(definition, content);
        RecipeIds = Situation?.Recipes.Select(r => r.Id).ToArray() ?? [];
        _byId = Choices.DistinctBy(c => c.Id).ToFrozenDictionary(c => c.Id, StringComparer.Ordinal);

        var labels = new List<(string, FlowChoice)>();
        var allViews = new Dictionary<string, IReadOnlyList<ChoiceView>>(StringComparer.Ordinal);
        var shownViews = new Dictionary<string, IReadOnlyList<ChoiceView>>(StringComparer.Ordinal);
        var fullTexts = new Dictionary<string, string>(StringComparer.Ordinal);
        var prompts = new Dictionary<string, string>(StringComparer.Ordinal);
        var overviewRecipes = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var recipeViews = new Dictionary<string, (string, IReadOnlyList<ChoiceView>)>(StringComparer.Ordinal);
        foreach (var language in content.Flow.Languages)
        {
            allViews[language] = Choices.Select(c => new ChoiceView(c.Id, ReplyTexts.Label(c, language, null, content))).ToArray();
            prompts[language] = ReplyTexts.Prompt(definition, language, content);
            foreach (var role in RolesOrNone)
            {
                var key = Key(language, role);
                var views = Choices.Select(c => new ChoiceView(c.Id, ReplyTexts.Label(c, language, role, content))).ToArray();
                labels.AddRange(views.Select(view => (view.Label, _byId[view.Id])));
                fullTexts[key] = ReplyTexts.Full(definition, Situation, language, role, content);
                if (Situation is null)
                {
                    shownViews[key] = views;
                    continue;
                }

                var recipes = Situation.RecipesFor(role);
                overviewRecipes[Key("", role)] = recipes.Select(r => r.Id).ToArray();
                shownViews[key] = Overview(views, recipes);
                for (var i = 0; i < recipes.Count; i++)
                {
                    var next = i + 1 < recipes.Count ? recipes[i + 1] : null;
                    recipeViews[RecipeKey(recipes[i].Id, language, role)] =
                        (ReplyTexts.Recipe(recipes[i], i + 1, language, content), RecipeChoices(views, recipes[i], next));
                }
            }
        }

        _matcher = new ChoiceMatcher<FlowChoice>(Choices, c => c.Id, labels.Distinct());
        _allViews = allViews.ToFrozenDictionary(StringComparer.Ordinal);
        _shownViews = shownViews.ToFrozenDictionary(StringComparer.Ordinal);
        _fullTexts = fullTexts.ToFrozenDictionary(StringComparer.Ordinal);
        _prompts = prompts.ToFrozenDictionary(StringComparer.Ordinal);
        _overviewRecipes = overviewRecipes.ToFrozenDictionary(StringComparer.Ordinal);
        _recipeViews = recipeViews.ToFrozenDictionary(StringComparer.Ordinal);
        RoleMatters = Situation is not null
            && (Situation.RoleTitles.Count > 0 || Roles.All.Select(r => string.Join(",", OverviewRecipes(r))).Distinct(StringComparer.Ordinal).Count() > 1);
    }

    public string Id => Definition.Id;

    public FlowState Definition { get; }

    public Situation? Situation { get; }

    public IReadOnlyList<FlowChoice> Choices { get; }

    /// <summary>Every recipe of the state's situation; <see cref="OverviewRecipes"/> are the ones a role is shown.</summary>
    public IReadOnlyList<string> RecipeIds { get; }

    /// <summary>Whether the state's situation gives an official other recipes (or names it otherwise) than an activist or a coordinator.</summary>
    public bool RoleMatters { get; }

    /// <summary>Every choice with its label, for looking a label up; <see cref="ShownChoices"/> are the buttons shown.</summary>
    public IReadOnlyList<ChoiceView> ChoiceViews(string language) => _allViews[language];

    /// <summary>The buttons of the state's own message: for a situation, its recipes and where to go next.</summary>
    public IReadOnlyList<ChoiceView> ShownChoices(string language, string? role) => _shownViews[Key(language, role)];

    /// <summary>The state's whole message: its question, or the overview of its situation's recipes.</summary>
    public string FullText(string language, string? role) => _fullTexts[Key(language, role)];

    /// <summary>The recipes the overview names for <paramref name="role"/>, in order.</summary>
    public IReadOnlyList<string> OverviewRecipes(string? role) => Situation is null ? [] : _overviewRecipes[Key("", role)];

    /// <summary>One recipe's message and its buttons; null when the role is not shown that recipe.</summary>
    public (string Text, IReadOnlyList<ChoiceView> Choices)? RecipeView(string recipeId, string language, string? role) =>
        _recipeViews.TryGetValue(RecipeKey(recipeId, language, role), out var view) ? view : null;

    /// <summary>Just the question, without recipes.</summary>
    public string Prompt(string language) => _prompts[language];

    /// <summary>The choice the user meant (see <see cref="ChoiceMatcher{T}"/>); null when nothing matches.</summary>
    public FlowChoice? Match(string text, bool byNumber = true) => _matcher.Match(text, byNumber);

    public FlowChoice? Choice(string id) => _byId.GetValueOrDefault(id);

    private IReadOnlyList<ChoiceView> Overview(ChoiceView[] views, IReadOnlyList<Recipe> recipes) =>
        views.Where(v => _byId[v.Id] is var c && EffectiveChoices.InOverview(c) && (c.RecipeId is null || recipes.Any(r => r.Id == c.RecipeId))).ToArray();

    /// <summary>Under a recipe: the next one, its methods and cards, a meeting if it calls for one, "I'll try this", all recipes, then the state's own.</summary>
    private IReadOnlyList<ChoiceView> RecipeChoices(ChoiceView[] views, Recipe recipe, Recipe? next) =>
        views.Where(v => _byId[v.Id] switch
        {
            { Action: ChoiceAction.ShowRecipe } c => c.RecipeId == next?.Id,
            { Action: ChoiceAction.ShowMethod } c => recipe.Methods.Contains(c.MethodId!),
            { Action: ChoiceAction.ShowCard } c => recipe.Cards.Contains(c.CardId!),
            { Action: ChoiceAction.ScheduleMeeting } => recipe.RegularMeetings,
            _ => true,
        }).ToArray();

    private static string Key(string language, string? role) => role is null ? language : string.Concat(language, "|", role);

    private static string RecipeKey(string recipeId, string language, string? role) => string.Concat(recipeId, "|", Key(language, role));
}
