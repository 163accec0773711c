using RecipeBot.Core.Content;
using RecipeBot.Core.Loading;
using YamlDotNet.RepresentationModel;

namespace RecipeBot.Core.Diagnosis;

/// <summary>
/// Reads <c>intents/&lt;lang&gt;.yaml</c> (training) or <c>intents/evaluation/&lt;lang&gt;.yaml</c>
/// (never trained on), reporting problems with file and line like the rest of the content.
/// </summary>
public static class IntentExampleLoader
{
    public const string Folder = "intents";
    public const string EvaluationFolder = "intents/evaluation";

    public static IReadOnlyList<IntentExample> Load(string contentDirectory, ContentSet content, string folder, ICollection<ContentProblem> problems)
    {
        var intents = Intents.All(content);
        var examples = new List<IntentExample>();
        foreach (var language in content.Flow.Languages)
        {
            var relative = $"{folder}/{language}.yaml";
            var path = Path.Combine(contentDirectory, relative);
            if (!File.Exists(path))
            {
                problems.Add(new ContentProblem(new SourceLocation(relative, 1), "the file is missing"));
                continue;
            }

            var document = new YamlFile(relative, problems);
            if (document.Mapping(document.Load(File.ReadAllText(path)), relative) is not { } root)
            {
                continue;
            }

            document.RejectUnknownKeys(root, relative, "language", "intents");
            if (document.Scalar(root, "language", relative) is { } declared && declared != language)
            {
                document.Report(root, $"the file says language '{declared}', but its name says '{language}'");
            }

            var map = document.Mapping(YamlFile.Child(root, "intents"), "'intents'");
            if (map is null)
            {
                document.Report(root, $"{relative} has no 'intents'");
                continue;
            }

            foreach (var (keyNode, _) in map.Children)
            {
                var intent = ((YamlScalarNode)keyNode).Value ?? "";
                if (!intents.Contains(intent))
                {
                    document.Report(keyNode, $"unknown intent '{intent}'; expected a situation id, card/<a card of cards.yaml> or {string.Join(", ", Intents.NonSituation)}");
                    continue;
                }

                var phrases = document.ScalarList(map, intent, $"intent '{intent}'");
                if (phrases.Count == 0)
                {
                    document.Report(keyNode, $"intent '{intent}' has no examples");
                }

                examples.AddRange(phrases.Select(p => new IntentExample(p, intent, language)));
            }
        }

        return examples;
    }
}
