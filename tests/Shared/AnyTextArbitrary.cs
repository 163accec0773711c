using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace RecipeBot.Tests.Shared;

/// <summary>
/// The generator behind <see cref="AnyText"/>, linked into each test project that has properties: runs of
/// lone high and low surrogates, valid pairs, U+FFFE/U+FFFF and other noncharacters, NUL and controls,
/// combining marks, direction marks with Arabic and Hebrew, emoji (flags, ZWJ sequences, skin tones),
/// Estonian and Cyrillic letters, words the bot knows, digits and runs of up to 40 digits — and, rarely,
/// a text of 100,000 characters.
/// </summary>
public static class AnyTextArbitrary
{
    public const int HugeLength = 100_000;

    private static readonly string[] Words =
    [
        "every", "Monday", "at", "10", "weeks", "on", "the", "month", "2nd", "Tuesday", "of", "in", "hall", "pm",
        "iga", "esmaspäeval", "kell", "nädala", "tagant", "teisel", "kuus", "каждый", "понедельник", "в", "недели",
        "/start", "/help", "/remind", "/timezone", "/lang", "/meetings", "/back", "@RecipeBot", "<at>RecipeBot</at>",
        "sched:save", "mtg:", "intent:", "en", "et", "ru", "official", "2", "1.", "aitäh", "vald", "NGO", "UTC",
    ];

    private static readonly string[] Emoji = ["🙂", "👍", "🇪🇪", "👨‍👩‍👧", "☕\uFE0F", "👍🏽", "🏛", "𝐓𝐞𝐫𝐞", "🫶"];

    public static Gen<string> Strings { get; } = Gen.Frequency(
        (99, Fragments()),
        (1, Fragments().Where(s => s.Length > 0).Select(Huge)));

    public static Arbitrary<AnyText> AnyText() => Arb.From(Strings.Select(s => new AnyText(s)), Shrink);

    private static Gen<string> Fragments() => Fragment().ListOf().Select(parts => string.Concat(parts));

    private static Gen<string> Fragment() => Gen.Frequency(
        (3, Range(0xD800, 0xDBFF)),
        (3, Range(0xDC00, 0xDFFF)),
        (3, Gen.Choose(0x10000, 0x10FFFF).Select(char.ConvertFromUtf32)),
        (2, Gen.Elements("\uFFFE", "\uFFFF", "\uFDD0", "\uFDEF", char.ConvertFromUtf32(0x1FFFE), char.ConvertFromUtf32(0x10FFFF))),
        (2, Gen.Elements("\0", "\t", "\n", "\r\n", "\u0001", "\u007F", "\u0085", "\u2028")),
        (3, Range(0x0300, 0x036F)),
        (1, Gen.Elements("\u0489", "\u20D0", "\u0308\u0301")),
        (2, Gen.Elements("\u200E", "\u200F", "\u202E", "\u061C", "\u2066", "\u2069")),
        (3, Range(0x0621, 0x064A)),
        (2, Range(0x0660, 0x0669)),
        (2, Range(0x05D0, 0x05EA)),
        (4, Gen.Elements(Emoji)),
        (4, Gen.Elements("õ", "ä", "ö", "ü", "š", "ž", "Õ", "Ä", "Ö", "Ü", "Š", "Ž")),
        (4, Range(0x0410, 0x044F)),
        (1, Gen.Elements("ё", "й", "Ё", "Й")),
        (10, Gen.Elements(Words)),
        (6, Gen.Elements(" ", " ", "  ", "\u00A0", "\u202F", "\u3000")),
        (2, Gen.Elements(",", ".", ":", "!", "?", "-", "–", "\"", "(", ")", "@", "/", "<", ">", "&nbsp;")),
        (4, Gen.Choose(0, 9).Select(d => d.ToString(CultureInfo.InvariantCulture))),
        (2, Gen.Choose(10, 40).SelectMany(n => Gen.Choose(0, 9).ArrayOf(n)).Select(digits => string.Concat(digits))),
        (3, Gen.Choose(0x20, 0x7E).Select(c => ((char)c).ToString())),
        (2, Gen.Choose(0x00A0, 0xFFFD).Select(c => ((char)c).ToString())));

    private static Gen<string> Range(int first, int last) => Gen.Choose(first, last).Select(c => ((char)c).ToString());

    private static string Huge(string seed)
    {
        var builder = new StringBuilder(HugeLength);
        while (builder.Length < HugeLength)
        {
            builder.Append(seed).Append(' ');
        }

        return builder.ToString(0, HugeLength);
    }

    /// <summary>Halves first, then single characters out of short texts: a counterexample small enough to read.</summary>
    private static IEnumerable<AnyText> Shrink(AnyText text)
    {
        var value = text.Value;
        if (value.Length > 1)
        {
            yield return new AnyText(value[..(value.Length / 2)]);
            yield return new AnyText(value[(value.Length / 2)..]);
        }

        if (value.Length is > 0 and <= 64)
        {
            for (var i = 0; i < value.Length; i++)
            {
                yield return new AnyText(value.Remove(i, 1));
            }
        }
    }
}
