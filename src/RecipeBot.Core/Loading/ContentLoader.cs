using RecipeBot.Core.Content;
using YamlDotNet.RepresentationModel;

namespace RecipeBot.Core.Loading;

/// <summary>
/// Loads <c>dialogs/</c> (flow, texts, situations, methods) and checks it. Every problem is
/// collected with its file and line; nothing throws on bad content.
/// </summary>
public static class ContentLoader
{
    public const string FlowFile = "flow.yaml";
    public const string TextsFile = "texts.yaml";
    public const string MethodsFile = "methods.yaml";
    public const string CardsFile = "cards.yaml";
    public const string SituationsFolder = "situations";

    /// <summary>Loads and validates; throws <see cref="ContentException"/> listing every problem.</summary>
    public static ContentSet LoadValid(string directory)
    {
        var result = Load(directory);
        return result.Problems.Count == 0 && result.Content is { } content
            ? content
            : throw new ContentException(result.Problems);
    }

    public static ContentLoadResult Load(string directory)
    {
        var problems = new List<ContentProblem>();
        if (!Directory.Exists(directory))
        {
            problems.Add(new ContentProblem(new SourceLocation(directory, 1), "the content folder does not exist"));
            return new ContentLoadResult(null, problems);
        }

        var flow = Read(directory, FlowFile, problems, (doc, root) => FlowReader.Read(doc, root));
        var languages = flow?.Languages ?? ["et", "en", "ru"];
        var texts = Read(directory, TextsFile, problems, (doc, root) => ReadTexts(doc, root, languages))
            ?? new Dictionary<string, Localized<string>>();
        var methods = Read(directory, MethodsFile, problems, (doc, root) => MethodReader.Read(doc, root, languages)) ?? [];
        var cards = Read(directory, CardsFile, problems, (doc, root) => MethodReader.ReadCards(doc, root, languages)) ?? [];

        var situations = new List<Situation>();
        var situationsDirectory = Path.Combine(directory, SituationsFolder);
        var files = Directory.Exists(situationsDirectory)
            ? Directory.GetFiles(situationsDirectory, "*.yaml").Order(StringComparer.Ordinal).ToList()
            : [];
        if (files.Count == 0)
        {
            problems.Add(new ContentProblem(new SourceLocation(SituationsFolder, 1), "there are no situation files (situations/*.yaml)"));
        }

        foreach (var file in files)
        {
            var relative = $"{SituationsFolder}/{Path.GetFileName(file)}";
            if (Read(directory, relative, problems, (doc, root) => SituationReader.Read(doc, root, languages)) is { } situation)
            {
                situations.Add(situation);
            }
        }

        if (flow is null)
        {
            return new ContentLoadResult(null, problems);
        }

        var content = new ContentSet(flow, texts, situations, methods, cards);
        ContentValidator.Validate(content, problems);
        Diagnosis.IntentExampleLoader.Load(directory, content, Diagnosis.IntentExampleLoader.Folder, problems);
        Diagnosis.IntentExampleLoader.Load(directory, content, Diagnosis.IntentExampleLoader.EvaluationFolder, problems);
        return new ContentLoadResult(content, problems);
    }

    private static T? Read<T>(string directory, string relativePath, List<ContentProblem> problems, Func<YamlFile, YamlNode, T?> read)
        where T : class
    {
        var path = Path.Combine(directory, relativePath);
        if (!File.Exists(path))
        {
            problems.Add(new ContentProblem(new SourceLocation(relativePath, 1), "the file is missing"));
            return null;
        }

        var document = new YamlFile(relativePath, problems);
        var root = document.Load(File.ReadAllText(path));
        return root is null ? null : read(document, root);
    }

    private static Dictionary<string, Localized<string>>? ReadTexts(YamlFile doc, YamlNode root, IReadOnlyList<string> languages)
    {
        var map = doc.Mapping(root, "texts.yaml");
        if (map is null)
        {
            return null;
        }

        var texts = new Dictionary<string, Localized<string>>(StringComparer.Ordinal);
        foreach (var (keyNode, _) in map.Children)
        {
            var key = ((YamlScalarNode)keyNode).Value ?? "";
            if (doc.Text(map, key, $"text '{key}'", languages) is { } text)
            {
                texts[key] = text;
            }
        }

        return texts;
    }
}
