using RecipeBot.Core.Content;
using YamlDotNet.RepresentationModel;

namespace RecipeBot.Core.Loading;

/// <summary>Reads <c>methods.yaml</c> and <c>cards.yaml</c>: a list of cards under one key.</summary>
internal static class MethodReader
{
    public static List<MethodCard>? Read(YamlFile doc, YamlNode root, IReadOnlyList<string> languages) =>
        ReadList(doc, root, "methods.yaml", "methods", "a method card", card =>
        {
            doc.RejectUnknownKeys(card, "a method card", "id", "names", "title", "summary", "steps");
            var id = doc.Scalar(card, "id", "a method card") ?? "?";
            var owner = $"method '{id}'";
            var title = doc.Text(card, "title", owner, languages);
            var summary = doc.Text(card, "summary", owner, languages);
            var steps = doc.TextList(card, "steps", owner, languages);
            return title is null || summary is null || steps is null
                ? null
                : new MethodCard(id, title, summary, steps, doc.At(card)) { Names = doc.ScalarList(card, "names", owner, required: false) };
        });

    /// <summary><c>cards.yaml</c>: <c>cards:</c>, each with an id, a title and a text in every language.</summary>
    public static List<ReferenceCard>? ReadCards(YamlFile doc, YamlNode root, IReadOnlyList<string> languages) =>
        ReadList(doc, root, "cards.yaml", "cards", "a reference card", card =>
        {
            doc.RejectUnknownKeys(card, "a reference card", "id", "title", "text");
            var id = doc.Scalar(card, "id", "a reference card") ?? "?";
            var owner = $"card '{id}'";
            var title = doc.Text(card, "title", owner, languages);
            var text = doc.Text(card, "text", owner, languages);
            return title is null || text is null ? null : new ReferenceCard(id, title, text, doc.At(card));
        });

    private static List<T>? ReadList<T>(YamlFile doc, YamlNode root, string file, string key, string itemName, Func<YamlMappingNode, T?> read)
        where T : class
    {
        var map = doc.Mapping(root, file);
        if (map is null)
        {
            return null;
        }

        doc.RejectUnknownKeys(map, file, key);
        var items = new List<T>();
        foreach (var node in doc.Sequence(YamlFile.Child(map, key), $"'{key}'")?.Children ?? [])
        {
            if (doc.Mapping(node, itemName) is { } item && read(item) is { } value)
            {
                items.Add(value);
            }
        }

        return items;
    }
}
