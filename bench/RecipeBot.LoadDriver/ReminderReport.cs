using System.Globalization;
using System.Runtime.InteropServices;

namespace RecipeBot.LoadDriver;

/// <summary>Prints a reminder run's figures as a Markdown table, ready to paste into docs/reminder-load.md.</summary>
public static class ReminderReport
{
    public static void Write(ReminderResult r, TextWriter output)
    {
        var d = r.Deliveries;
        var o = r.Options;
        output.WriteLine();
        output.WriteLine(Invariant($"### {r.Chats:N0} reminders due at one minute, Bot API latency {o.ApiDelayMilliseconds} ms"));
        output.WriteLine();
        output.WriteLine(Invariant($"{RuntimeInformation.FrameworkDescription}, {RuntimeInformation.OSDescription}, {Environment.ProcessorCount} cores; ")
            + "the fake enforces 30 messages/s overall and 1/s per chat by arrival"
            + (o.BotArguments.Count > 0 ? "; bot arguments: " + string.Join(' ', o.BotArguments) : string.Empty)
            + (r.LoadAverage is { } load ? $"; machine load average at the end {load}" : string.Empty));
        output.WriteLine();
        output.WriteLine("| figure | value |");
        output.WriteLine("|---|---:|");
        Row(output, "messages/s, first to last delivery", Invariant($"**{d.Rate:0.00}**") + Goal(d.Rate >= ReminderResult.GoalPerSecond, "≥ 28"));
        Row(output, "messages/s per 10-s bucket, min / max", Invariant($"{d.BucketMin:0.0} / {d.BucketMax:0.0} ({d.FullBuckets} whole buckets)"));
        Row(output, "longest pause between two deliveries", Invariant($"{d.LongestPause.TotalSeconds:0.00} s"));
        Row(output, "most messages arriving within any 1 s", Invariant($"{d.MaxInAnySecond}"));
        Row(output, "429 answers (over 30/s / same chat within 1 s)", Invariant($"**{r.Refusals}** ({r.GlobalRefusals} / {r.ChatRefusals})") + Goal(r.Refusals == 0, "0"));
        Row(output, "delivered / missing / duplicates / strays", Invariant($"{d.Messages:N0} / {d.Missing} / {d.Duplicates} / {d.Strays}"));
        Row(output, "exactly once (deliveries and ledger)", r.ExactlyOnce ? "yes" : "**NO**");
        if (r.Ledger is { } ledger)
        {
            var statuses = string.Join(", ", ledger.ByStatus.Select(s => Invariant($"{s.Key} {s.Value:N0}")));
            Row(output, "ledger rows by status", statuses.Length == 0 ? "none" : statuses);
            Row(output, "ledger rows: 1-hour reminders / other", Invariant($"{ledger.HourReminders:N0} / {ledger.Other:N0}"));
        }

        Row(output, "reminders worded \"late\"", Invariant($"{d.MarkedLate:N0}") + Goal(r.OnTime, "0"));
        Row(output, "due → first delivery", Invariant($"{d.FirstDelay.TotalSeconds:0.00} s"));
        Row(output, "due → last delivery", Invariant($"{d.LastDelay.TotalSeconds:0.0} s ({d.LastDelay.TotalMinutes:0.0} min)"));
        Row(output, "sender: sent / retried / 429 seen / dropped", Invariant($"{r.SenderSent:N0} / {r.SenderRetried} / {r.SenderRateLimited} / {r.SenderDropped}"));
        Row(output, "writing the meetings / bot start-up / start-up catch-up", Invariant($"{r.Seeding.TotalSeconds:0.0} s / {r.Startup.TotalSeconds:0.0} s / ") + (r.CatchUp is { } c ? Invariant($"{c.TotalSeconds:0.0} s") : "not finished"));
        Row(output, "bot up → due", Invariant($"{r.UpToDue.TotalSeconds:0} s"));
        Row(output, "peak working set / managed heap (sampled every 250 ms)", Invariant($"{r.PeakWorkingSetBytes / 1024.0 / 1024.0:0} MB / {r.PeakManagedHeapBytes / 1024.0 / 1024.0:0} MB"));
        Row(output, "process CPU, due → last delivery (share of all cores)", Invariant($"{r.BurstCpu.TotalSeconds:0.0} s ({Share(r.BurstCpu, d.LastDelay):P0})"));
        Row(output, "process CPU, bot start → stop", Invariant($"{r.BotCpu.TotalSeconds:0.0} s in {r.BotWall.TotalSeconds:0} s ({Share(r.BotCpu, r.BotWall):P0})"));
        Row(output, "SQLite file + WAL at the end", Invariant($"{r.DatabaseBytes / 1024.0 / 1024.0:0.0} MB"));
        Row(output, "goal (exactly once, ≥ 28/s, no 429, none late)", r.GoalMet ? "**met**" : "**not met**");
    }

    private static double Share(TimeSpan cpu, TimeSpan wall) =>
        wall <= TimeSpan.Zero ? double.NaN : cpu / (wall * Environment.ProcessorCount);

    private static void Row(TextWriter output, string name, string value) => output.WriteLine($"| {name} | {value} |");

    private static string Goal(bool met, string goal) => met ? $" (goal {goal}: met)" : $" (goal {goal}: **not met**)";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
