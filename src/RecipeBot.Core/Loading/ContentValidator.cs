using System.Text;
using RecipeBot.Core.Content;
using RecipeBot.Core.Dialogs;
using RecipeBot.Core.Engine;

namespace RecipeBot.Core.Loading;

/// <summary>Cross-file checks: every reference resolves, every state is reachable, every recipe is offered.</summary>
internal static partial class ContentValidator
{
    /// <summary>Telegram's limit on <c>callback_data</c>, which carries a choice id.</summary>
    public const int MaxChoiceIdBytes = 64;

    public static void Validate(ContentSet content, List<ContentProblem> problems)
    {
        void Report(SourceLocation at, string message) => problems.Add(new ContentProblem(at, message));

        ValidateSituations(content, Report);
        ValidateMethods(content, Report);
        ValidateFlow(content, Report);
        var textsAt = new SourceLocation(ContentLoader.TextsFile, 1);
        foreach (var key in TextKeys.Required.Where(k => !content.Texts.ContainsKey(k)))
        {
            Report(textsAt, $"the text '{key}' is missing; the bot needs it");
        }

        ValidatePlaceholders(content, Report);
        ValidateMonthlyForms(content, Report);
    }

    /// <summary>"monthly-tu" lists the first … fifth and the last Tuesday, each in the words of its language.</summary>
    private static void ValidateMonthlyForms(ContentSet content, Action<SourceLocation, string> report)
    {
        foreach (var code in Meetings.ScheduleWords.WeekdayCodes)
        {
            if (!content.Texts.TryGetValue("monthly-" + code, out var text))
            {
                continue;
            }

            foreach (var (language, _) in text.Values.Where(v => v.Value.Split('|').Count(f => f.Trim().Length > 0) != Meetings.ScheduleWords.MonthlyForms))
            {
                report(text.Location, $"the text 'monthly-{code}' ({language}) needs {Meetings.ScheduleWords.MonthlyForms} forms separated by |: the first … fifth, then the last");
            }
        }
    }

    /// <summary>Every placeholder of a text is one the bot fills, and every language uses the same ones.</summary>
    private static void ValidatePlaceholders(ContentSet content, Action<SourceLocation, string> report)
    {
        foreach (var (key, text) in content.Texts)
        {
            var allowed = TextPlaceholders.Of(key);
            var fills = allowed.Count == 0 ? "none" : string.Join(", ", allowed.Select(a => "{" + a.Replace("|", "} or {", StringComparison.Ordinal) + "}"));
            string? firstLanguage = null;
            string? firstUsed = null;
            foreach (var (language, value) in text.Values)
            {
                var used = TextTemplate.Placeholders(value);
                foreach (var unknown in used.Where(u => !allowed.Any(a => a.Split('|').Contains(u))))
                {
                    report(text.Location, $"the text '{key}' ({language}) has the placeholder {{{unknown}}}, which the bot does not fill; it fills: {fills}");
                }

                // Alternatives count as one: "{month}" in one language and "{monthnumber}" in another is fine.
                var canonical = string.Join(", ", used.Select(u => allowed.FirstOrDefault(a => a.Split('|').Contains(u)) ?? u).Order(StringComparer.Ordinal).Select(u => "{" + u + "}"));
                if (firstLanguage is null)
                {
                    (firstLanguage, firstUsed) = (language, canonical);
                }
                else if (canonical != firstUsed)
                {
                    report(text.Location, $"the text '{key}' has the placeholders [{firstUsed}] in {firstLanguage} but [{canonical}] in {language}; every language needs the same");
                }
            }
        }
    }

    /// <summary>Content ids become button ids: one that looks like a button the bot makes itself would be taken for it.</summary>
    private static void ValidateNotReserved(string id, string owner, SourceLocation at, Action<SourceLocation, string> report)
    {
        if (ButtonIds.Collision(id) is { } reserved)
        {
            report(at, $"{owner} collides with the bot's own buttons ('{reserved}' is reserved); choose another id");
        }
    }

    private static void ValidateSituations(ContentSet content, Action<SourceLocation, string> report)
    {
        var seenSituations = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        var seenRecipes = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        foreach (var situation in content.Situations)
        {
            if (!seenSituations.TryAdd(situation.Id, situation.Location))
            {
                report(situation.Location, $"duplicate situation id '{situation.Id}' (also at {seenSituations[situation.Id]})");
            }

            ValidateNotReserved(situation.Id, $"situation id '{situation.Id}'", situation.Location, report);
            if (!Phases.All.Contains(situation.Phase))
            {
                report(situation.Location, $"situation '{situation.Id}' has unknown phase '{situation.Phase}'; expected one of: {string.Join(", ", Phases.All)}");
            }
            else if (!situation.Id.StartsWith(situation.Phase + "/", StringComparison.Ordinal))
            {
                report(situation.Location, $"situation id '{situation.Id}' must start with its phase '{situation.Phase}/'");
            }

            ValidateRoles(situation.For, $"situation '{situation.Id}'", situation.Location, report);
            var roleButton = Encoding.UTF8.GetByteCount(new RoleButton(Roles.Coordinator, situation.Id).Id);
            if (roleButton > MaxChoiceIdBytes)
            {
                report(situation.Location, $"situation id '{situation.Id}' is too long: the button that asks the role for it would have {roleButton} bytes, more than {MaxChoiceIdBytes}");
            }

            if (situation.Recipes.Count == 0)
            {
                report(situation.Location, $"situation '{situation.Id}' has no recipes");
            }

            foreach (var recipe in situation.Recipes)
            {
                if (!seenRecipes.TryAdd(recipe.Id, recipe.Location))
                {
                    report(recipe.Location, $"duplicate recipe id '{recipe.Id}' (also at {seenRecipes[recipe.Id]})");
                }

                if (!recipe.Id.StartsWith(situation.Id + "/", StringComparison.Ordinal) || !IsSlugPath(recipe.Id))
                {
                    report(recipe.Location, $"recipe id '{recipe.Id}' must be '{situation.Id}/<name>' with lowercase letters, digits and '-'");
                }

                ValidateRoles(recipe.For, $"recipe '{recipe.Id}'", recipe.Location, report);
                foreach (var method in recipe.Methods.Where(m => !content.MethodsById.ContainsKey(m)))
                {
                    report(recipe.Location, $"recipe '{recipe.Id}' names method '{method}', which methods.yaml does not define");
                }

                foreach (var card in recipe.Cards.Where(c => !content.CardsById.ContainsKey(c)))
                {
                    report(recipe.Location, $"recipe '{recipe.Id}' names card '{card}', which cards.yaml does not define");
                }
            }
        }
    }

    private static void ValidateMethods(ContentSet content, Action<SourceLocation, string> report)
    {
        var seen = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        foreach (var method in content.Methods)
        {
            if (!seen.TryAdd(method.Id, method.Location))
            {
                report(method.Location, $"duplicate method id '{method.Id}' (also at {seen[method.Id]})");
            }

            ValidateNotReserved(method.Id, $"method id '{method.Id}'", method.Location, report);
        }

        foreach (var card in content.Cards)
        {
            if (!seen.TryAdd(card.Id, card.Location))
            {
                report(card.Location, $"duplicate card id '{card.Id}' (also at {seen[card.Id]}); methods and cards share their ids");
            }

            ValidateNotReserved(card.Id, $"card id '{card.Id}'", card.Location, report);
        }
    }

    private static void ValidateRoles(IReadOnlyList<string> roles, string owner, SourceLocation at, Action<SourceLocation, string> report)
    {
        if (roles.Count == 0)
        {
            report(at, $"{owner} must say whom it is for ('for': official, activist, coordinator)");
        }

        foreach (var role in roles.Where(r => !Roles.All.Contains(r)))
        {
            report(at, $"{owner} names unknown role '{role}'; expected one of: {string.Join(", ", Roles.All)}");
        }
    }

    private static bool IsSlugPath(string id) =>
        id.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '/');
}
