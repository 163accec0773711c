using System.Text;

namespace RecipeBot.Core.Plans;

/// <summary>The plan as Markdown: a heading and a two-column table per commitment, in OGP's commitment template order.</summary>
public static class PlanMarkdown
{
    public static string Write(Plan plan, PlanMessages messages, string language)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(messages);
        var text = new StringBuilder();
        text.Append("# ").Append(messages.Text("plan-doc-title", language)).Append("\n\n");
        foreach (var (commitment, i) in plan.Commitments.Select((c, i) => (c, i)))
        {
            text.Append("## ").Append(i + 1).Append(". ").Append(Cell(commitment.Title)).Append("\n\n");
            text.Append('|').Append(messages.Text("plan-field-title", language)).Append('|').Append(Cell(commitment.Title)).Append("|\n|---|---|\n");
            foreach (var field in PlanMessages.Fields.Skip(1))
            {
                text.Append('|').Append(messages.Text("plan-field-" + field, language)).Append('|')
                    .Append(Cell(messages.Field(commitment, field, language))).Append("|\n");
            }

            text.Append('\n');
        }

        return text.ToString();
    }

    /// <summary>A table cell: pipes escaped, lines kept as &lt;br&gt;.</summary>
    private static string Cell(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings("<br>");
}
