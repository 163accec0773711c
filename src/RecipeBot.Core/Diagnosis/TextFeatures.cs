using System.Runtime.InteropServices;
using RecipeBot.Core.Flow;

namespace RecipeBot.Core.Diagnosis;

/// <summary>
/// Turns a message into a sparse, L2-normalised vector of hashed features: word unigrams and
/// bigrams plus character 3–5-grams inside each word. Character n-grams carry Estonian and
/// Russian inflection ("vallaga", "валлас" share stems with "vald"); text is folded first
/// (case, Unicode, diacritics), so "voi" and "või" are one feature.
/// </summary>
public static class TextFeatures
{
    public const int Bits = 16;
    public const int Dimensions = 1 << Bits;

    public static SparseVector Extract(string text, float[]? idf = null) => SparseVector.FromCounts(Count(text), idf);

    /// <summary>Inverse document frequency over <paramref name="texts"/>: features found everywhere weigh less.</summary>
    public static float[] InverseDocumentFrequency(IEnumerable<string> texts)
    {
        var documentFrequency = new int[Dimensions];
        var documents = 0;
        foreach (var text in texts)
        {
            documents++;
            foreach (var index in Count(text).Keys)
            {
                documentFrequency[index]++;
            }
        }

        var idf = new float[Dimensions];
        for (var i = 0; i < Dimensions; i++)
        {
            idf[i] = MathF.Log((1f + documents) / (1f + documentFrequency[i])) + 1f;
        }

        return idf;
    }

    private static Dictionary<int, float> Count(string text)
    {
        var folded = TextNormalizer.Normalize(text);
        var counts = new Dictionary<int, float>();
        string? previous = null;
        foreach (var word in Words(folded))
        {
            Add(counts, Hash(1, word));
            if (previous is not null)
            {
                Add(counts, Hash(2, previous + " " + word));
            }

            previous = word;
            var padded = "<" + word + ">";
            for (var n = 3; n <= 5; n++)
            {
                for (var i = 0; i + n <= padded.Length; i++)
                {
                    Add(counts, Hash(3, padded.AsSpan(i, n)));
                }
            }
        }

        return counts;
    }

    private static IEnumerable<string> Words(string folded)
    {
        var start = -1;
        for (var i = 0; i <= folded.Length; i++)
        {
            var isWordChar = i < folded.Length && char.IsLetterOrDigit(folded[i]);
            if (isWordChar && start < 0)
            {
                start = i;
            }
            else if (!isWordChar && start >= 0)
            {
                yield return folded[start..i];
                start = -1;
            }
        }
    }

    private static void Add(Dictionary<int, float> counts, int index)
    {
        ref var value = ref CollectionsMarshal.GetValueRefOrAddDefault(counts, index, out _);
        value += 1;
    }

    private static int Hash(uint kind, ReadOnlySpan<char> text)
    {
        // FNV-1a over the characters, salted by the feature kind.
        var hash = 2166136261u ^ (kind * 16777619u);
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash & (Dimensions - 1));
    }
}
