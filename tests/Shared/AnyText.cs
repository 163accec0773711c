using System.Text;

namespace RecipeBot.Tests.Shared;

/// <summary>
/// A message as any channel could deliver it. Shown escaped (<c>\uD800</c>) and cut short in a failing
/// property's report, so that a counterexample can be read and pasted into a test.
/// </summary>
public sealed record AnyText(string Value)
{
    public override string ToString()
    {
        var shown = new StringBuilder();
        foreach (var c in Value.Length > 300 ? Value[..300] : Value)
        {
            shown.Append(c is >= ' ' and <= '~' and not '\\' ? c.ToString() : $"\\u{(int)c:X4}");
        }

        return Value.Length > 300 ? $"\"{shown}…\" ({Value.Length} chars)" : $"\"{shown}\"";
    }
}
