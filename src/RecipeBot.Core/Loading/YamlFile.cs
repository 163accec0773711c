using RecipeBot.Core.Content;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace RecipeBot.Core.Loading;

/// <summary>
/// Reads one YAML file through the representation model, so that every problem can name
/// the line it is on. Readers never throw on bad content: they record a problem and return null.
/// </summary>
internal sealed class YamlFile(string relativePath, ICollection<ContentProblem> problems)
{
    public string Path { get; } = relativePath;

    public YamlNode? Load(string text)
    {
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            if (stream.Documents.Count == 0)
            {
                Report(1, "the file is empty");
                return null;
            }

            return stream.Documents[0].RootNode;
        }
        catch (YamlException e)
        {
            Report((int)e.Start.Line, $"not valid YAML: {Inner(e).Message}");
            return null;
        }
    }

    public SourceLocation At(YamlNode node) => new(Path, (int)node.Start.Line);

    public void Report(YamlNode node, string message) => problems.Add(new ContentProblem(At(node), message));

    public void Report(int line, string message) => problems.Add(new ContentProblem(new SourceLocation(Path, Math.Max(line, 1)), message));

    public YamlMappingNode? Mapping(YamlNode? node, string what)
    {
        if (node is YamlMappingNode map)
        {
            return map;
        }

        if (node is not null)
        {
            Report(node, $"{what} must be a mapping (key: value lines)");
        }

        return null;
    }

    public YamlSequenceNode? Sequence(YamlNode? node, string what)
    {
        if (node is YamlSequenceNode sequence)
        {
            return sequence;
        }

        if (node is not null)
        {
            Report(node, $"{what} must be a list");
        }

        return null;
    }

    public static YamlNode? Child(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    /// <summary>A required or optional scalar of <paramref name="map"/>.</summary>
    public string? Scalar(YamlMappingNode map, string key, string owner, bool required = true)
    {
        var node = Child(map, key);
        if (node is null)
        {
            if (required)
            {
                Report(map, $"{owner} has no '{key}'");
            }

            return null;
        }

        if (node is YamlScalarNode { Value: { } value } && value.Trim().Length > 0)
        {
            return value.Trim();
        }

        Report(node, $"'{key}' of {owner} must be a non-empty text");
        return null;
    }

    public IReadOnlyList<string> ScalarList(YamlMappingNode map, string key, string owner, bool required = true)
    {
        var node = Child(map, key);
        if (node is null)
        {
            if (required)
            {
                Report(map, $"{owner} has no '{key}'");
            }

            return [];
        }

        var list = new List<string>();
        foreach (var item in Sequence(node, $"'{key}' of {owner}")?.Children ?? [])
        {
            if (item is YamlScalarNode { Value: { } value } && value.Trim().Length > 0)
            {
                list.Add(value.Trim());
            }
            else
            {
                Report(item, $"every item of '{key}' of {owner} must be a non-empty text");
            }
        }

        return list;
    }

    /// <summary>Reports keys that are not in <paramref name="allowed"/> (most often a typo).</summary>
    public void RejectUnknownKeys(YamlMappingNode map, string owner, params string[] allowed)
    {
        foreach (var key in map.Children.Keys)
        {
            var name = (key as YamlScalarNode)?.Value ?? "?";
            if (!allowed.Contains(name, StringComparer.Ordinal))
            {
                Report(key, $"unknown key '{name}' in {owner}; expected one of: {string.Join(", ", allowed)}");
            }
        }
    }

    /// <summary>A text in every language: <c>{ et: …, en: …, ru: … }</c>.</summary>
    public Localized<string>? Text(YamlMappingNode map, string key, string owner, IReadOnlyList<string> languages)
    {
        var node = Child(map, key);
        if (node is null)
        {
            Report(map, $"{owner} has no '{key}'");
            return null;
        }

        var texts = Mapping(node, $"'{key}' of {owner}");
        if (texts is null)
        {
            return null;
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (langNode, valueNode) in texts.Children)
        {
            var lang = ((YamlScalarNode)langNode).Value ?? "";
            if (!languages.Contains(lang))
            {
                Report(langNode, $"'{key}' of {owner} has language '{lang}', which flow.yaml does not list ({string.Join(", ", languages)})");
            }
            else if (valueNode is YamlScalarNode { Value: { } value } && value.Trim().Length > 0)
            {
                values[lang] = value.Trim();
            }
            else
            {
                Report(valueNode, $"'{key}' of {owner} in '{lang}' must be a non-empty text");
            }
        }

        ReportMissingLanguages(node, values.Keys, key, owner, languages);
        return values.Count == 0 ? null : new Localized<string>(values, At(node));
    }

    /// <summary>A list of texts in every language, with the same number of items in each.</summary>
    public Localized<IReadOnlyList<string>>? TextList(YamlMappingNode map, string key, string owner, IReadOnlyList<string> languages)
    {
        var node = Child(map, key);
        if (node is null)
        {
            Report(map, $"{owner} has no '{key}'");
            return null;
        }

        var lists = Mapping(node, $"'{key}' of {owner}");
        if (lists is null)
        {
            return null;
        }

        var values = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (langNode, _) in lists.Children)
        {
            var lang = ((YamlScalarNode)langNode).Value ?? "";
            if (!languages.Contains(lang))
            {
                Report(langNode, $"'{key}' of {owner} has language '{lang}', which flow.yaml does not list ({string.Join(", ", languages)})");
                continue;
            }

            var items = ScalarList(lists, lang, $"'{key}' of {owner}");
            if (items.Count == 0)
            {
                Report(langNode, $"'{key}' of {owner} in '{lang}' has no items");
            }
            else
            {
                values[lang] = items;
            }
        }

        ReportMissingLanguages(node, values.Keys, key, owner, languages);
        var counts = values.Select(v => v.Value.Count).Distinct().ToList();
        if (counts.Count > 1)
        {
            Report(node, $"'{key}' of {owner} has a different number of items per language ({string.Join(", ", values.Select(v => $"{v.Key}: {v.Value.Count}"))})");
        }

        return values.Count == 0 ? null : new Localized<IReadOnlyList<string>>(values, At(node));
    }

    private void ReportMissingLanguages(YamlNode node, IEnumerable<string> present, string key, string owner, IReadOnlyList<string> languages)
    {
        foreach (var missing in languages.Except(present))
        {
            Report(node, $"'{key}' of {owner} is missing the '{missing}' translation");
        }
    }

    private static Exception Inner(Exception e) => e.InnerException is { } inner ? Inner(inner) : e;
}
