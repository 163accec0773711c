using System.Runtime.CompilerServices;

namespace RecipeBot.Core.Diagnosis;

/// <summary>
/// Multinomial logistic regression over hashed sparse features, trained with SGD and L2
/// regularisation. Small and deterministic (fixed seed): the same examples give the same
/// model, so cross-validation figures are reproducible.
/// </summary>
public sealed class SoftmaxClassifier
{
    private readonly float[] _weights;
    private readonly float[] _bias;

    private SoftmaxClassifier(IReadOnlyList<string> labels, float[] weights, float[] bias)
    {
        Labels = labels;
        _weights = weights;
        _bias = bias;
    }

    public IReadOnlyList<string> Labels { get; }

    // Runs once at start-up: optimise straight away instead of starting in the unoptimised tier.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static SoftmaxClassifier Train(IReadOnlyList<(SparseVector Features, int Label)> examples, IReadOnlyList<string> labels, int epochs = 15, double l2 = 1e-6, int seed = 17)
    {
        var classes = labels.Count;
        var weights = new float[TextFeatures.Dimensions * classes];
        var bias = new float[classes];
        var order = Enumerable.Range(0, examples.Count).ToArray();
        var random = new Random(seed);
        var probabilities = new float[classes];
        var updates = 0;
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            random.Shuffle(order);
            foreach (var i in order)
            {
                var (x, y) = examples[i];
                var rate = (float)(3.0 / (1 + 0.0005 * updates++));
                Scores(weights, bias, x, classes, probabilities);
                Softmax(probabilities);
                probabilities[y] -= 1f; // now the gradient of the loss per class
                for (var c = 0; c < classes; c++)
                {
                    bias[c] -= rate * probabilities[c];
                }

                // Feature-major: one feature's weights for all classes sit side by side in memory.
                var decay = 1f - (float)(rate * l2);
                for (var k = 0; k < x.Indices.Length; k++)
                {
                    var row = x.Indices[k] * classes;
                    var step = rate * x.Values[k];
                    for (var c = 0; c < classes; c++)
                    {
                        weights[row + c] = (weights[row + c] * decay) - (step * probabilities[c]);
                    }
                }
            }
        }

        return new SoftmaxClassifier(labels, weights, bias);
    }

    public void Write(BinaryWriter writer)
    {
        writer.Write(Labels.Count);
        foreach (var label in Labels)
        {
            writer.Write(label);
        }

        writer.Write(MemoryMarshalBytes(_bias));
        writer.Write(MemoryMarshalBytes(_weights));
    }

    public static SoftmaxClassifier Read(BinaryReader reader)
    {
        var labels = new string[reader.ReadInt32()];
        for (var i = 0; i < labels.Length; i++)
        {
            labels[i] = reader.ReadString();
        }

        var bias = new float[labels.Length];
        var weights = new float[TextFeatures.Dimensions * labels.Length];
        reader.BaseStream.ReadExactly(System.Runtime.InteropServices.MemoryMarshal.AsBytes(bias.AsSpan()));
        reader.BaseStream.ReadExactly(System.Runtime.InteropServices.MemoryMarshal.AsBytes(weights.AsSpan()));
        return new SoftmaxClassifier(labels, weights, bias);
    }

    private static ReadOnlySpan<byte> MemoryMarshalBytes(float[] values) =>
        System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan());

    /// <summary>Probabilities per label, in <see cref="Labels"/> order.</summary>
    public float[] Predict(SparseVector features)
    {
        var probabilities = new float[Labels.Count];
        Scores(_weights, _bias, features, Labels.Count, probabilities);
        Softmax(probabilities);
        return probabilities;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Scores(float[] weights, float[] bias, SparseVector x, int classes, float[] output)
    {
        Array.Copy(bias, output, classes);
        for (var k = 0; k < x.Indices.Length; k++)
        {
            var row = x.Indices[k] * classes;
            var value = x.Values[k];
            for (var c = 0; c < classes; c++)
            {
                output[c] += weights[row + c] * value;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Softmax(float[] scores)
    {
        var max = float.MinValue;
        foreach (var score in scores)
        {
            max = Math.Max(max, score);
        }

        var sum = 0f;
        for (var c = 0; c < scores.Length; c++)
        {
            scores[c] = MathF.Exp(scores[c] - max);
            sum += scores[c];
        }

        for (var c = 0; c < scores.Length; c++)
        {
            scores[c] /= sum;
        }
    }
}
