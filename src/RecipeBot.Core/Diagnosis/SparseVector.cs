namespace RecipeBot.Core.Diagnosis;

/// <summary>Feature indices and values, L2-normalised, with sublinear term frequency.</summary>
public sealed class SparseVector(int[] indices, float[] values)
{
    public int[] Indices { get; } = indices;

    public float[] Values { get; } = values;

    public static SparseVector FromCounts(Dictionary<int, float> counts, float[]? idf = null)
    {
        var indices = new int[counts.Count];
        var values = new float[counts.Count];
        var i = 0;
        var norm = 0.0;
        foreach (var (index, count) in counts)
        {
            var value = (1 + MathF.Log(count)) * (idf?[index] ?? 1f);
            indices[i] = index;
            values[i] = value;
            norm += value * value;
            i++;
        }

        if (norm > 0)
        {
            var scale = (float)(1 / Math.Sqrt(norm));
            for (var j = 0; j < values.Length; j++)
            {
                values[j] *= scale;
            }
        }

        return new SparseVector(indices, values);
    }
}
