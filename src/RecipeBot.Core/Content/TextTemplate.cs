using System.Text;

namespace RecipeBot.Core.Content;

/// <summary>
/// Fills the <c>{placeholder}</c>s of a text from <c>texts.yaml</c> in one pass. A placeholder without a value is left
/// as it is; <c>validate</c> makes sure no text names a placeholder the bot does not fill (<see cref="Placeholders"/>).
/// </summary>
public static class TextTemplate
{
    public static string Render(string template, params ReadOnlySpan<(string Name, string Value)> values)
    {
        var open = template.IndexOf('{', StringComparison.Ordinal);
        if (open < 0)
        {
            return template;
        }

        var text = new StringBuilder(template.Length + 32);
        var done = 0;
        while (open >= 0)
        {
            var close = template.IndexOf('}', open + 1);
            if (close < 0)
            {
                break;
            }

            var name = template.AsSpan(open + 1, close - open - 1);
            var found = -1;
            for (var i = 0; i < values.Length && found < 0; i++)
            {
                if (name.SequenceEqual(values[i].Name))
                {
                    found = i;
                }
            }

            if (found >= 0)
            {
                text.Append(template, done, open - done).Append(values[found].Value);
                done = close + 1;
            }

            open = template.IndexOf('{', close + 1);
        }

        return text.Append(template, done, template.Length - done).ToString();
    }

    /// <summary>The names of the placeholders <paramref name="template"/> uses, in order of appearance, each once.</summary>
    public static IReadOnlyList<string> Placeholders(string template)
    {
        var names = new List<string>();
        var open = template.IndexOf('{', StringComparison.Ordinal);
        while (open >= 0)
        {
            var close = template.IndexOf('}', open + 1);
            if (close < 0)
            {
                break;
            }

            var name = template[(open + 1)..close];
            if (name.Length > 0 && !name.Contains('{', StringComparison.Ordinal) && !names.Contains(name))
            {
                names.Add(name);
            }

            open = template.IndexOf('{', close + 1);
        }

        return names;
    }
}
