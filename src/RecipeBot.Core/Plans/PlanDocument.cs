using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace RecipeBot.Core.Plans;

/// <summary>
/// The plan as a Word document laid out like OGP's commitment template: a heading, then per commitment its title and a
/// two-column table (field, value) — problem, what will be done, lead, partners, dated milestones, values, completion and
/// its history — in the conversation's language.
/// </summary>
public static class PlanDocument
{
    public static byte[] Write(Plan plan, PlanMessages messages, string language)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(messages);
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var body = new Body();
            body.Append(Paragraph(messages.Text("plan-doc-title", language), bold: true, size: "32"));
            foreach (var (commitment, i) in plan.Commitments.Select((c, i) => (c, i)))
            {
                body.Append(Paragraph($"{i + 1}. {commitment.Title}", bold: true, size: "26"));
                var table = new Table(new TableProperties(
                    new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
                    new TableBorders(
                        new TopBorder { Val = BorderValues.Single, Size = 4 },
                        new BottomBorder { Val = BorderValues.Single, Size = 4 },
                        new LeftBorder { Val = BorderValues.Single, Size = 4 },
                        new RightBorder { Val = BorderValues.Single, Size = 4 },
                        new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 },
                        new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 })));
                foreach (var field in PlanMessages.Fields)
                {
                    table.Append(new TableRow(
                        Cell(messages.Text("plan-field-" + field, language), bold: true, width: "1500"),
                        Cell(messages.Field(commitment, field, language), bold: false, width: "3500")));
                }

                body.Append(table);
                body.Append(new Paragraph());
            }

            main.Document = new Document(body);
            main.Document.Save();
        }

        return stream.ToArray();
    }

    private static TableCell Cell(string text, bool bold, string width)
    {
        var cell = new TableCell(new TableCellProperties(new TableCellWidth { Width = width, Type = TableWidthUnitValues.Pct }));
        foreach (var line in text.Split('\n'))
        {
            cell.Append(Paragraph(line, bold, size: null));
        }

        return cell;
    }

    private static Paragraph Paragraph(string text, bool bold, string? size)
    {
        var properties = new RunProperties();
        if (bold)
        {
            properties.Append(new Bold());
        }

        if (size is not null)
        {
            properties.Append(new FontSize { Val = size });
        }

        return new Paragraph(new Run(properties, new Text(XmlSafe(text)) { Space = SpaceProcessingModeValues.Preserve }));
    }

    /// <summary>Characters XML 1.0 cannot hold (control characters, lone surrogates) would make Word refuse the file: they go.</summary>
    private static string XmlSafe(string text)
    {
        var safe = new System.Text.StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                safe.Append(c).Append(text[++i]);
            }
            else if (!char.IsSurrogate(c) && (c >= 0x20 ? c is not ('\uFFFE' or '\uFFFF') : c is '\t'))
            {
                safe.Append(c);
            }
        }

        return safe.ToString();
    }
}
