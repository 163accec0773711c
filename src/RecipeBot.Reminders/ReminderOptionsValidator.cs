using System.Globalization;
using Microsoft.Extensions.Options;

namespace RecipeBot.Reminders;

/// <summary>Checks <see cref="ReminderOptions"/> at start-up, naming the setting and what it should look like.</summary>
public sealed class ReminderOptionsValidator : IValidateOptions<ReminderOptions>
{
    public ValidateOptionsResult Validate(string? name, ReminderOptions options)
    {
        var errors = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var leads = options.EffectiveLeadTimes;
        for (var i = 0; i < leads.Count; i++)
        {
            var setting = string.Create(CultureInfo.InvariantCulture, $"{ReminderOptions.SectionName}:{nameof(ReminderOptions.LeadTimes)}:{i}");
            if (!LeadTime.TryParse(leads[i], out var lead))
            {
                errors.Add($"{setting} \"{leads[i]}\" is not a lead time: use {LeadTime.Format}, e.g. \"1d@10:00\" or \"1h\".");
            }
            else if (!seen.Add(lead.Text))
            {
                errors.Add($"{setting} \"{leads[i]}\" repeats the lead time {lead.Text}.");
            }
        }

        Positive(errors, nameof(ReminderOptions.CloseAfter), options.CloseAfter, allowZero: true);
        foreach (var days in options.CloseReminderDays ?? [])
        {
            if (days <= 0 || TimeSpan.FromDays(days) <= options.CloseAfter || TimeSpan.FromDays(days) > options.CatchUpWindow)
            {
                errors.Add(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{ReminderOptions.SectionName}:{nameof(ReminderOptions.CloseReminderDays)} {days} must be a number of days after {nameof(ReminderOptions.CloseAfter)} and within {nameof(ReminderOptions.CatchUpWindow)} ({options.CatchUpWindow.TotalDays:0.##} days)."));
            }
        }

        Positive(errors, nameof(ReminderOptions.FollowUpGrace), options.FollowUpGrace, allowZero: false);
        Positive(errors, nameof(ReminderOptions.OnTimeTolerance), options.OnTimeTolerance, allowZero: true);
        Positive(errors, nameof(ReminderOptions.RetryDelay), options.RetryDelay, allowZero: false);
        Positive(errors, nameof(ReminderOptions.PendingTimeout), options.PendingTimeout, allowZero: false);
        Positive(errors, nameof(ReminderOptions.CatchUpWindow), options.CatchUpWindow, allowZero: false);
        Positive(errors, nameof(ReminderOptions.CatchUpInterval), options.CatchUpInterval, allowZero: true);
        if (options.ProgressEvery < TimeSpan.FromHours(1))
        {
            errors.Add($"{ReminderOptions.SectionName}:{nameof(ReminderOptions.ProgressEvery)} must be at least an hour (e.g. \"30.00:00:00\" for monthly), not {options.ProgressEvery}.");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void Positive(List<string> errors, string setting, TimeSpan value, bool allowZero)
    {
        if (value < TimeSpan.Zero || (!allowZero && value == TimeSpan.Zero))
        {
            errors.Add($"{ReminderOptions.SectionName}:{setting} must be {(allowZero ? "zero or more" : "more than zero")} (a time span such as \"02:00:00\" or \"3.00:00:00\"), not {value}.");
        }
    }
}
