using System.Globalization;
using System.Text;
using RecipeBot.Core.Conversations;
using RecipeBot.Core.Engine;
using RecipeBot.Core.Stats;

namespace RecipeBot.Core.Dialogs;

/// <summary><c>/stats [period]</c>: the working group's figures for the council; <c>/stats export [period]</c> as a CSV file.</summary>
public sealed class StatsDialog(Replies replies, StatsReport report)
{
    private const string Missing = "—";

    public async ValueTask<OutgoingMessage> ShowAsync(DialogTurn turn, string argument)
    {
        var conversation = turn.Conversation;
        var export = argument.StartsWith("export", StringComparison.OrdinalIgnoreCase)
            && (argument.Length == 6 || char.IsWhiteSpace(argument[6]));
        var period = StatsPeriodParser.Parse(export ? argument[6..] : argument, replies.Today(conversation));
        if (period is null)
        {
            return replies.Prompt(conversation, replies.Say(conversation, "stats-bad-period"));
        }

        var zone = TimeZoneInfo.FindSystemTimeZoneById(Replies.ZoneOf(conversation));
        var sheet = await report.CollectAsync(period.Query(conversation.Id, zone), turn.CancellationToken).ConfigureAwait(false);
        if (export)
        {
            return replies.Prompt(conversation, replies.Say(conversation, "stats-export-caption", ("period", period.Label))) with
            {
                Attachment = new MessageAttachment(
                    string.Create(CultureInfo.InvariantCulture, $"recipebot-stats-{period.From:yyyy-MM-dd}-{period.To:yyyy-MM-dd}.csv"),
                    "text/csv",
                    Encoding.UTF8.GetBytes(Csv(conversation, period, sheet))),
            };
        }

        var text = new StringBuilder(replies.Say(conversation, "stats-title", ("period", period.Label)));
        foreach (var figure in StatsFigures.All)
        {
            text.Append('\n').Append(replies.Say(conversation, "stats-line", ("label", Label(conversation, figure)), ("value", Value(sheet, figure))));
        }

        if (StatsFigures.All.Any(f => sheet[f] is null))
        {
            text.Append("\n\n").Append(replies.Say(conversation, "stats-missing"));
        }

        return replies.Prompt(conversation, text.ToString());
    }

    /// <summary>One row per figure: period, id, label in the conversation's language, value (empty when no source gives it).</summary>
    public string Csv(Conversation conversation, StatsPeriod period, StatsSheet sheet)
    {
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(sheet);
        var csv = new StringBuilder("from,to,figure,label,value\r\n");
        foreach (var figure in StatsFigures.All.Concat(sheet.Extra))
        {
            csv.Append(CultureInfo.InvariantCulture, $"{period.From:yyyy-MM-dd},{period.To:yyyy-MM-dd},{figure},")
                .Append(Quote(Label(conversation, figure))).Append(',')
                .Append(sheet[figure]?.ToString(CultureInfo.InvariantCulture) ?? string.Empty)
                .Append("\r\n");
        }

        return csv.ToString();
    }

    private string Label(Conversation conversation, string figure) =>
        StatsFigures.All.Contains(figure) ? replies.Say(conversation, StatsFigures.TextPrefix + figure) : figure;

    private static string Value(StatsSheet sheet, string figure) =>
        sheet[figure]?.ToString(CultureInfo.InvariantCulture) ?? Missing;

    /// <summary>RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled.</summary>
    private static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") < 0 ? field : "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
