using RecipeBot.Core.Content;
using YamlDotNet.RepresentationModel;

namespace RecipeBot.Core.Loading;

/// <summary>Reads <c>methods.yaml</c> and <c>cards.yaml</c>.</summary>
internal static class MethodReader
{
    public static List<MethodCard>? Read(YamlFile doc, YamlNode root, IReadOnlyList<string> languages)
    {
        var map = doc.Mapping(root, "methods.yaml");
        if (map is null)
        {
            return null;
        }

        doc.RejectUnknownKeys(map, "methods.yaml", "methods");
        var cards = new List<MethodCard>();
        foreach (var item in doc.Sequence(YamlFile.Child(map, "methods"), "'methods'")?.Children ?? [])
        {
            var card = doc.Mapping(item, "a method card");
            if (card is null)
            {
                continue;
            }

            doc.RejectUnknownKeys(card, "a method card", "id", "names", "title", "summary", "steps");
            var id = doc.Scalar(card, "id", "a method card") ?? "?";
            var owner = $"method '{id}'";
            var title = doc.Text(card, "title", owner, languages);
            var summary = doc.Text(card, "summary", owner, languages);
            var steps = doc.TextList(card, "steps", owner, languages);
            if (title is not null && summary is not null && steps is not null)
            {
                cards.Add(new MethodCard(id, title, summary, steps, doc.At(card)) { Names = doc.ScalarList(card, "names", owner, required: false) });
            }
        }

        return cards;
    }

    /// <summary><c>cards.yaml</c>: <c>cards:</c>, each with an id, a title and a text in every language.</summary>
    public static List<ReferenceCard>? ReadCards(YamlFile doc, YamlNode root, IReadOnlyList<string> languages)
    {
        var map = doc.Mapping(root, "cards.yaml");
        if (map is null)
        {
            return null;
        }

        doc.RejectUnknownKeys(map, "cards.yaml", "cards");
        var cards = new List<ReferenceCard>();
        foreach (var item in doc.Sequence(YamlFile.Child(map, "cards"), "'cards'")?.Children ?? [])
        {
            if (doc.Mapping(item, "a reference card") is not { } card)
            {
                continue;
            }

            doc.RejectUnknownKeys(card, "a reference card", "id", "title", "text");
            var id = doc.Scalar(card, "id", "a reference card") ?? "?";
            var owner = $"card '{id}'";
            var title = doc.Text(card, "title", owner, languages);
            var text = doc.Text(card, "text", owner, languages);
            if (title is not null && text is not null)
            {
                cards.Add(new ReferenceCard(id, title, text, doc.At(card)));
            }
        }

        return cards;
    }
}
