using RecipeBot.LoadDriver;

// Simulated Telegram users against the real bot (docs/telegram-load.md), or a burst of reminders (docs/reminder-load.md).
var options = LoadOptions.Parse(args, out var error);
if (options is null)
{
    await Console.Error.WriteLineAsync(error + Environment.NewLine + Environment.NewLine + LoadOptions.Usage);
    return 2;
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

if (options.Calibrate)
{
    await HttpCalibration.RunAsync(Console.Out, cancel.Token);
    return 0;
}

if (options.Reminders is not null)
{
    var reminders = await ReminderRun.RunAsync(options, Console.Out, cancel.Token);
    ReminderReport.Write(reminders, Console.Out);
    return reminders.ExactlyOnce && reminders.Refusals == 0 ? 0 : 1;
}

var result = await LoadRun.RunAsync(options, Console.Out, cancel.Token);
LoadReport.Write(result, Console.Out);
return result.ExactlyOnce ? 0 : 1;
