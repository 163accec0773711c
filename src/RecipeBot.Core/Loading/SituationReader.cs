using RecipeBot.Core.Content;
using YamlDotNet.RepresentationModel;

namespace RecipeBot.Core.Loading;

/// <summary>Reads one <c>situations/*.yaml</c> file.</summary>
internal static class SituationReader
{
    public static Situation? Read(YamlFile doc, YamlNode root, IReadOnlyList<string> languages)
    {
        var map = doc.Mapping(root, "a situation file");
        if (map is null)
        {
            return null;
        }

        doc.RejectUnknownKeys(map, "a situation", "id", "phase", "for", "title", "titles", "recipes");
        var id = doc.Scalar(map, "id", "the situation") ?? "?";
        var owner = $"situation '{id}'";
        var phase = doc.Scalar(map, "phase", owner) ?? "?";
        var forRoles = doc.ScalarList(map, "for", owner);
        var title = doc.Text(map, "title", owner, languages);
        var recipes = new List<Recipe>();
        var recipesNode = YamlFile.Child(map, "recipes");
        if (recipesNode is null)
        {
            doc.Report(map, $"{owner} has no 'recipes'");
        }

        foreach (var item in doc.Sequence(recipesNode, $"'recipes' of {owner}")?.Children ?? [])
        {
            if (ReadRecipe(doc, item, id, languages) is { } recipe)
            {
                recipes.Add(recipe);
            }
        }

        return title is null ? null : new Situation(id, phase, forRoles, title, recipes, doc.At(map)) { RoleTitles = ReadRoleTitles(doc, map, owner, languages) };
    }

    /// <summary><c>titles: { official: { et: …, en: …, ru: … } }</c>: how a role names the situation.</summary>
    private static Dictionary<string, Localized<string>> ReadRoleTitles(YamlFile doc, YamlMappingNode map, string owner, IReadOnlyList<string> languages)
    {
        var titles = new Dictionary<string, Localized<string>>(StringComparer.Ordinal);
        if (doc.Mapping(YamlFile.Child(map, "titles"), $"'titles' of {owner}") is not { } byRole)
        {
            return titles;
        }

        foreach (var (key, _) in byRole.Children)
        {
            var role = ((YamlScalarNode)key).Value ?? "";
            if (!Roles.All.Contains(role))
            {
                doc.Report(key, $"'titles' of {owner} names unknown role '{role}'; expected one of: {string.Join(", ", Roles.All)}");
            }
            else if (doc.Text(byRole, role, $"the {role} title of {owner}", languages) is { } title)
            {
                titles[role] = title;
            }
        }

        return titles;
    }

    private static Recipe? ReadRecipe(YamlFile doc, YamlNode node, string situationId, IReadOnlyList<string> languages)
    {
        var map = doc.Mapping(node, $"a recipe of situation '{situationId}'");
        if (map is null)
        {
            return null;
        }

        doc.RejectUnknownKeys(map, "a recipe", "id", "for", "regularMeetings", "methods", "cards", "title", "summary", "steps");
        var id = doc.Scalar(map, "id", $"a recipe of situation '{situationId}'") ?? "?";
        var owner = $"recipe '{id}'";
        var forRoles = doc.ScalarList(map, "for", owner);
        var regular = doc.Scalar(map, "regularMeetings", owner, required: false);
        if (regular is not null and not "true" and not "false")
        {
            doc.Report(YamlFile.Child(map, "regularMeetings")!, $"'regularMeetings' of {owner} must be true or false");
        }

        var methods = doc.ScalarList(map, "methods", owner, required: false);
        var cards = doc.ScalarList(map, "cards", owner, required: false);
        var title = doc.Text(map, "title", owner, languages);
        var summary = doc.Text(map, "summary", owner, languages);
        var steps = doc.TextList(map, "steps", owner, languages);
        return title is null || summary is null || steps is null
            ? null
            : new Recipe(id, situationId, forRoles, regular == "true", methods, title, summary, steps, doc.At(map)) { Cards = cards };
    }
}
