using System.Security.Cryptography;
using System.Text;

namespace RecipeBot.Core.Diagnosis;

/// <summary>
/// Keeps the trained model on disk, keyed by a hash of the examples and the model's format,
/// so a restart with unchanged examples loads it instead of training again.
/// </summary>
internal static class IntentModelCache
{
    // Bump when features or training change: an old cache must not be read as a new model.
    private const string Format = "recipebot-intents-v1;bits=";

    public static byte[] Key(IReadOnlyList<IntentExample> examples, IReadOnlyList<string> intents)
    {
        var text = new StringBuilder(Format).Append(TextFeatures.Bits).Append('\n');
        text.AppendJoin(',', intents).Append('\n');
        foreach (var example in examples)
        {
            text.Append(example.Language).Append('\t').Append(example.Intent).Append('\t').Append(example.Text).Append('\n');
        }

        return SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()));
    }

    public static IntentDiagnoser? TryRead(string path, byte[] key, Func<BinaryReader, IntentDiagnoser> read)
    {
        try
        {
            if (!File.Exists(path))
            {
                return null;
            }

            using var reader = new BinaryReader(File.OpenRead(path));
            return reader.ReadBytes(key.Length).AsSpan().SequenceEqual(key) ? read(reader) : null;
        }
        catch (Exception e) when (e is IOException or EndOfStreamException or UnauthorizedAccessException)
        {
            // A damaged or unreadable cache only costs a training run.
            return null;
        }
    }

    public static void Write(string path, byte[] key, Action<BinaryWriter> write)
    {
        try
        {
            if (File.Exists(path) && TryKey(path)?.AsSpan().SequenceEqual(key) == true)
            {
                return;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            var temporary = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
            using (var writer = new BinaryWriter(File.Create(temporary)))
            {
                writer.Write(key);
                write(writer);
            }

            // Atomic replace: a concurrent reader sees the old file or the new one, never half of one.
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Not being able to cache is not a reason to stop the bot.
        }
    }

    private static byte[]? TryKey(string path)
    {
        using var stream = File.OpenRead(path);
        var key = new byte[32];
        return stream.Read(key) == key.Length ? key : null;
    }
}
