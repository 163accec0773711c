using System.Globalization;
using System.Runtime.InteropServices;

namespace RecipeBot.LoadDriver;

/// <summary>Prints a run's figures as Markdown tables, ready to paste into docs/telegram-load.md.</summary>
public static class LoadReport
{
    public const double GoalUpdatesPerSecond = 2000;
    public const double GoalP99Milliseconds = 50;

    public static void Write(LoadResult r, TextWriter output)
    {
        var s = r.Session;
        var o = r.Options;
        var p99 = s.Latency.Milliseconds(99);
        output.WriteLine();
        var pauses = (o.ThinkMilliseconds == 0 ? "no pauses (closed loop at full speed)" : Invariant($"{o.ThinkMilliseconds} ms mean pause between reply and next update"))
            + (o.ApiDelayMilliseconds == 0 ? string.Empty : Invariant($", Bot API answers delayed {o.ApiDelayMilliseconds} ms"));
        output.WriteLine(Invariant($"### {o.Users} users, {o.Mode}, {pauses}, {r.MeasuredSeconds:0.0} s measured after {o.WarmupSeconds} s warm-up"));
        output.WriteLine();
        output.WriteLine(Invariant($"{RuntimeInformation.FrameworkDescription}, {RuntimeInformation.OSDescription}, {Environment.ProcessorCount} cores; ")
            + (o.TelegramLimits ? "Telegram's send limits kept" : "Telegram's send limits lifted (GlobalPerSecond=100000, PerChatInterval=0, MaxConcurrentRequests=64)")
            + (o.BotArguments.Count > 0 ? "; bot arguments: " + string.Join(' ', o.BotArguments) : string.Empty)
            + (r.LoadAverage is { } load ? $"; machine load average {load}" : string.Empty));
        output.WriteLine();
        output.WriteLine("| figure | value |");
        output.WriteLine("|---|---:|");
        Row(output, "updates/s handled end to end", Invariant($"**{r.UpdatesPerSecond:0}**") + Goal(r.UpdatesPerSecond >= GoalUpdatesPerSecond, "≥ 2,000"));
        Row(output, "replies in the window", Invariant($"{r.MeasuredReplies:N0}"));
        Row(output, "latency p50", Ms(s.Latency.Milliseconds(50)));
        Row(output, "latency p90", Ms(s.Latency.Milliseconds(90)));
        Row(output, "latency p99", "**" + Ms(p99) + "**" + Goal(p99 < GoalP99Milliseconds, "< 50 ms"));
        Row(output, "latency max", Ms(s.Latency.MaxMilliseconds()));
        Row(output, "updates sent / replies (whole run)", Invariant($"{s.UpdatesSent:N0} / {s.Replies:N0}"));
        Row(output, "missing / duplicate / off-script replies", Invariant($"{r.Missing} / {s.Unmatched} / {s.OffScript}"));
        if (r.Database is { } db)
        {
            Row(output, "turns in SQLite / conversations / inbox left", Invariant($"{db.Turns:N0} / {db.Conversations:N0} / {db.InboxLeft}"));
        }

        Row(output, "exactly once", r.ExactlyOnce ? "yes" : "**NO**");
        Row(output, "errors (sender retried / dropped, webhook failed / lost)", Invariant($"{r.SenderRetried} / {r.SenderDropped}, {r.WebhookFailedPosts} / {r.WebhookLost}"));
        Row(output, "SQLite file + WAL at end of window", Invariant($"{r.DatabaseBytes / 1024.0 / 1024.0:0.0} MB"));
        Row(output, "process peak working set", Invariant($"{r.PeakWorkingSetBytes / 1024.0 / 1024.0:0} MB"));
        Row(output, "process CPU in window (share of all cores)", Invariant($"{r.CpuShare:P0}"));
        if (SchedulerStatistics.IsAvailable)
        {
            Row(output, "threads ready but waiting for a core (core-seconds per second)", Invariant($"{r.Scheduler.Waiting.TotalSeconds / r.MeasuredSeconds:0.00}"));
        }

        Row(output, "process CPU per update (bot + fake + users)", Invariant($"{r.CpuMicrosecondsPerUpdate:0} µs"));
        Row(output, "allocated per update (bot + fake + users)", Invariant($"{r.AllocatedKilobytesPerUpdate:0} KB"));
        Row(output, "GCs in window (gen0/1/2; a gen1 GC counts as gen0 too)", Invariant($"{r.Gen0}/{r.Gen1}/{r.Gen2}"));
        Row(output, "Bot API calls: sendMessage / answerCallbackQuery / editMessageReplyMarkup", Invariant($"{r.Fake.SendMessages:N0} / {s.CallbackAnswers:N0} / {r.Fake.Edits:N0}"));
        Row(output, "mean sendMessage body", Invariant($"{r.Fake.SendMessageBytes:N0} bytes"));
        if (!o.UsesWebhook)
        {
            var batch = r.Fake.Polls == 0 ? 0 : (double)r.Fake.Served / r.Fake.Polls;
            Row(output, "getUpdates calls / updates per call", Invariant($"{r.Fake.Polls:N0} / {batch:0.0}"));
        }

        output.WriteLine();
        output.WriteLine("Where the time goes (ms, p50 / p99; stages as the fake sees them):");
        output.WriteLine();
        output.WriteLine("| stage | p50 | p99 |");
        output.WriteLine("|---|---:|---:|");
        Stage(output, o.UsesWebhook ? "queued → post starts (waits for one of the connections)" : "queued → served by getUpdates", s.Intake);
        if (o.UsesWebhook)
        {
            Stage(output, "post → 200 (update read and stored in the inbox)", s.WebhookPost);
        }
        else
        {
            Stage(output, "getUpdates answered → next getUpdates (batch stored in the inbox, offset saved)", s.PollGap);
        }

        Stage(output, "button: served → answerCallbackQuery (inbox write, processor pick-up)", s.ToHandler);
        Stage(output, "button: answerCallbackQuery → sendMessage (edit, turn, sender)", s.HandlerToReply);
        Stage(output, "text: served → sendMessage (inbox, turn, sender)", s.TextToReply);
    }

    private static void Row(TextWriter output, string name, string value) => output.WriteLine($"| {name} | {value} |");

    private static void Stage(TextWriter output, string name, LatencySamples samples) =>
        output.WriteLine($"| {name} | {Ms(samples.Milliseconds(50))} | {Ms(samples.Milliseconds(99))} |");

    private static string Goal(bool met, string goal) => met ? $" (goal {goal}: met)" : $" (goal {goal}: **not met**)";

    private static string Ms(double milliseconds) => double.IsNaN(milliseconds) ? "–" : Invariant($"{milliseconds:0.0} ms");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
