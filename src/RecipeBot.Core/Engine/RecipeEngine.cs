using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using RecipeBot.Core.Conversations;
using RecipeBot.Core.CloseOuts;
using RecipeBot.Core.Diagnosis;
using RecipeBot.Core.Dialogs;
using RecipeBot.Core.Flow;
using RecipeBot.Core.Meetings;
using RecipeBot.Core.Plans;
using RecipeBot.Core.Privacy;
using RecipeBot.Core.Stats;
using RecipeBot.Scheduling;

namespace RecipeBot.Core.Engine;

/// <summary>
/// Decides what one message means for a conversation and changes it in memory: global commands, then the pending
/// dialogs from the top (a "did you mean …?" question, a schedule being made), then the menu. A pending dialog only
/// takes what is meant for it; anything else goes on down and is answered, and a schedule left pending is offered
/// back. Loading, saving, the outbox and the error boundary belong to the turn runner (<see cref="Turns.TurnRunner"/>).
/// </summary>
public sealed partial class RecipeEngine
{
    public const string IntentChoicePrefix = IntentButton.Prefix;
    public const string NeitherChoiceId = IntentButton.Neither;

    private readonly CompiledFlow _flow;
    private readonly TimeProvider _time;
    private readonly int _maxTextLength;
    private readonly ILogger _logger;
    private readonly Replies _replies;
    private readonly MenuDialog _menu;
    private readonly ScheduleDialog _schedule;
    private readonly MeetingsDialog _meetings;
    private readonly NextStepDialog _nextSteps;
    private readonly LanguageDialog _language;
    private readonly PrivacyDialog _privacy;
    private readonly PlanDialog _plans;
    private readonly CloseOutDialog _closeOuts;
    private readonly StatsDialog _stats;
    private readonly IActivityLog _activity;

    public RecipeEngine(
        CompiledFlow flow,
        TimeProvider time,
        int maxTextLength = 4000,
        ILogger<RecipeEngine>? logger = null,
        IntentDiagnoser? diagnoser = null,
        MeetingServices? meetingServices = null,
        PrivacyServices? privacy = null,
        PlanServices? planServices = null,
        WorkbenchServices? workbench = null)
    {
        _flow = flow;
        _time = time;
        _maxTextLength = maxTextLength;
        _logger = logger ?? NullLogger<RecipeEngine>.Instance;
        var meetings = meetingServices ?? MeetingServices.InMemory();
        var messages = new MeetingMessages(flow);
        var plans = planServices ?? PlanServices.InMemory();
        _replies = new Replies(flow, time);
        _schedule = new ScheduleDialog(_replies, meetings, messages, diagnoser, _logger);
        _meetings = new MeetingsDialog(_replies, meetings, messages, _schedule, _logger);
        var bench = workbench ?? WorkbenchServices.InMemory();
        _activity = bench.Activity;
        _nextSteps = new NextStepDialog(_replies, meetings, messages, bench.Activity);
        _closeOuts = new CloseOutDialog(_replies, meetings, messages, bench.CloseOuts, plans.Store);
        _stats = new StatsDialog(_replies, new StatsReport(bench.Sources));
        _menu = new MenuDialog(_replies, diagnoser, _schedule, _nextSteps, _logger);
        _language = new LanguageDialog(_replies);
        _plans = new PlanDialog(_replies, plans, meetings);
        // Without stores of its own the engine can still export and erase the meetings and plans it was given.
        _privacy = new PrivacyDialog(
            _replies,
            privacy ?? new PrivacyServices(
                new PersonalData([new MeetingPersonalData(meetings.Store, meetings.Scheduler), new PlanPersonalData(plans), new CloseOutPersonalData(bench.CloseOuts), new ActivityStatsSource(bench.Activity)], time),
                RetentionPolicy.Default),
            _logger);
    }

    /// <summary>The engine's own texts for meetings; <see cref="TextKeys.Required"/> includes them.</summary>
    public static IReadOnlyList<string> MeetingTextKeys { get; } =
    [
        "schedule-ask", "schedule-ask-change", "schedule-ask-weekday", "schedule-ask-week", "schedule-ask-date", "schedule-ask-time",
        "schedule-bad-time", "schedule-which", "schedule-confirm", "schedule-leads-off", "lead-day-before-at", "lead-days-before-at",
        "lead-hours-before", "lead-minutes-before", "word-and", "schedule-saved", "schedule-changed",
        "schedule-cancelled-draft", "schedule-no-dates", "schedule-save", "schedule-edit", "schedule-cancel", TextKeys.ScheduleContinue,
        "schedule-freq-weekly", "schedule-freq-biweekly", "schedule-freq-monthly", "schedule-freq-quarterly", "schedule-freq-once",
        "schedule-week-1", "schedule-week-2", "schedule-week-3", "schedule-week-4", "schedule-week-last",
        "timezone-changed", "timezone-current", "meetings-none", "meetings-list", "meetings-item", "meetings-paused-mark",
        "meetings-open", "meeting-details", "meeting-none-left", "meeting-pause", "meeting-resume", "meeting-change",
        "meeting-cancel", "meeting-ics", "meetings-back", "meeting-paused", "meeting-resumed", "meeting-cancelled",
        "meeting-ics-caption", "meeting-not-found", "meeting-not-allowed", "try-noted",
        "close-intro", "close-ask-minutes", "close-ask-attendees", "close-ask-organisations", "close-ask-decisions", "close-bad-attendees",
        "close-skip", "close-done", "close-already", "stats-title", "stats-line", "stats-missing", "stats-bad-period", "stats-export-caption",
        .. Stats.StatsFigures.All.Select(f => Stats.StatsFigures.TextPrefix + f),
        "next-step-done", "next-step-stuck",
        "privacy-notice", "privacy", "export-caption", "forget-ask", "forget-ask-group", "forget-yes", "forget-no",
        "forget-done", "forget-done-group", "forget-kept", "forget-expired",
        .. PlanMessages.RequiredKeys,
        .. typeof(ScheduleErrorCodes).GetFields().Select(f => "schedule.hint." + (string)f.GetValue(null)!),
    ];

    public CompiledFlow Flow => _flow;

    /// <summary>A new conversation in the language of <paramref name="languageHint"/>, or the default one.</summary>
    public Conversation Begin(string conversationId, string? languageHint)
    {
        var language = _language.From(languageHint) ?? _flow.DefaultLanguage;
        return new Conversation(conversationId, language, _flow.Start.Id, _time.GetUtcNow());
    }

    /// <summary>Answers <paramref name="message"/>, changing <paramref name="conversation"/> in memory only.</summary>
    public async ValueTask<OutgoingMessage> RespondAsync(Conversation conversation, IncomingMessage message, bool isNew, CancellationToken cancellationToken)
    {
        if (!_flow.TryGetState(conversation.State, out _))
        {
            // The content changed under a stored conversation: start over rather than fail.
            _logger.LogWarning("Conversation {ConversationId} was in state {State}, which the flow no longer has; restarting", conversation.Id, conversation.State);
            _menu.Restart(conversation);
        }

        var seen = conversation.SituationsSeen.Count;
        var reply = await AnswerAsync(new DialogTurn(conversation, message, isNew, cancellationToken)).ConfigureAwait(false);
        foreach (var situation in conversation.SituationsSeen.Skip(seen).ToList())
        {
            // Counted for the council's figures (/stats).
            await _activity.RecordAsync(new ActivityEvent(conversation.Id, ActivityKinds.SituationDiagnosed, situation, _time.GetUtcNow()), cancellationToken).ConfigureAwait(false);
        }

        if (isNew && !conversation.Erased && !IsCommand(message.Text, "privacy"))
        {
            // First contact: what is kept, for how long, and how to remove it.
            reply = reply with { Text = reply.Text + "\n\n" + _privacy.Notice(conversation) };
        }

        RememberOffered(conversation, reply);
        conversation.Turns++;
        conversation.UpdatedAt = _time.GetUtcNow();
        return reply;
    }

    /// <summary>
    /// Where the conversation stands, without answering anything (a terminal reopened). A new conversation, or one
    /// in a state the flow no longer has, is started.
    /// </summary>
    public OutgoingMessage Show(Conversation conversation)
    {
        if (conversation.Turns > 0 && _flow.TryGetState(conversation.State, out _))
        {
            return _replies.Full(conversation);
        }

        _menu.Restart(conversation);
        conversation.UpdatedAt = _time.GetUtcNow();
        return _replies.Full(conversation);
    }

    /// <summary>
    /// The answer when a turn failed: a short apology in the conversation's language; when it failed
    /// <paramref name="reset"/> times in a row, the conversation goes back to the menu, keeping its language,
    /// role, time zone and meetings.
    /// </summary>
    public OutgoingMessage Apologise(Conversation conversation, bool reset)
    {
        if (!reset && _flow.TryGetState(conversation.State, out _))
        {
            return _replies.Prompt(conversation, _replies.Say(conversation, TextKeys.TurnFailed));
        }

        conversation.State = _menu.MenuOf(conversation);
        conversation.History.Clear();
        conversation.Clarification.Clear();
        conversation.Offered.Clear();
        conversation.Draft = null;
        conversation.Misses = 0;
        conversation.UpdatedAt = _time.GetUtcNow();
        var menu = _replies.Full(conversation);
        return menu with { Text = _replies.Say(conversation, TextKeys.TurnReset) + "\n\n" + menu.Text };
    }

    private async ValueTask<OutgoingMessage> AnswerAsync(DialogTurn turn)
    {
        var conversation = turn.Conversation;
        if (turn.Text.Length > _maxTextLength)
        {
            return _replies.Prompt(conversation, _replies.Say(conversation, TextKeys.TooLong, ("max", _maxTextLength.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        }

        if (turn.Text.AsSpan().Trim().StartsWith("/"))
        {
            // A command ends any "did you mean …?" question and any schedule being made.
            conversation.Clarification.Clear();
            conversation.Draft = null;
            return await CommandAsync(turn, turn.Text.Trim()[1..]).ConfigureAwait(false);
        }

        if (OfferedChoice(conversation, turn.Text) is { } offered)
        {
            // "2" or "Pause reminders" after a list of meetings means the button shown there, not the state's choice.
            turn.Text = offered;
        }

        // Buttons that work whenever they are pressed: a meeting's, closing one, "how did it go?", a language, "forget me".
        var pressed = await _meetings.PressAsync(turn).ConfigureAwait(false)
            ?? await _plans.PressAsync(turn).ConfigureAwait(false)
            ?? await _closeOuts.PressAsync(turn).ConfigureAwait(false)
            ?? await _nextSteps.PressAsync(turn).ConfigureAwait(false)
            ?? _language.Press(conversation, turn.Text)
            ?? await _privacy.PressAsync(turn).ConfigureAwait(false);
        if (pressed is not null)
        {
            conversation.Clarification.Clear();
            return pressed;
        }

        if (await _closeOuts.AnswerAsync(turn).ConfigureAwait(false) is { } closing)
        {
            return closing;
        }

        // The plan's question the last reply asked, and "lisa kavasse: …" anywhere.
        if ((await _plans.ContinueAsync(turn).ConfigureAwait(false) ?? await _plans.FreeTextAsync(turn).ConfigureAwait(false)) is { } planned)
        {
            conversation.Clarification.Clear();
            return planned;
        }

        if (conversation.Clarification.Count > 0 && await _menu.Clarification.AnswerAsync(turn).ConfigureAwait(false) is { } answered)
        {
            return answered;
        }

        if (conversation.Draft is null)
        {
            return await _menu.AnswerAsync(turn).ConfigureAwait(false);
        }

        if (await _schedule.ContinueAsync(turn).ConfigureAwait(false) is { } drafted)
        {
            return drafted;
        }

        // Meant for something else: answered, and the schedule waits with a button to go back to it.
        var reply = await _menu.AnswerAsync(turn).ConfigureAwait(false);
        return conversation.Draft is null || reply.Choices.Any(c => ScheduleButton.TryParse(c.Id, out _))
            ? reply
            : reply with { Choices = [.. reply.Choices, _schedule.ContinueButton(conversation)] };
    }

    private async ValueTask<OutgoingMessage> CommandAsync(DialogTurn turn, string command)
    {
        var conversation = turn.Conversation;
        var space = command.IndexOf(' ', StringComparison.Ordinal);
        var name = space < 0 ? command : command[..space];
        var argument = space < 0 ? string.Empty : command[(space + 1)..].Trim();
        var at = name.IndexOf('@', StringComparison.Ordinal); // Telegram groups send "/help@RecipeBot".
        if (at >= 0)
        {
            name = name[..at];
        }

        return name switch
        {
            "start" => _menu.Restart(conversation),
            "restart" => _menu.StartOver(conversation),
            "help" => _replies.Prompt(conversation, _replies.Say(conversation, TextKeys.Help)),
            "back" => _menu.Back(conversation),
            "lang" or "language" => _language.Command(conversation, argument),
            "remind" or "schedule" => await _schedule.RemindAsync(conversation, argument).ConfigureAwait(false),
            "plan" or "kava" => await _plans.CommandAsync(turn, argument).ConfigureAwait(false),
            "meetings" => await _meetings.ListAsync(conversation, null, turn.CancellationToken).ConfigureAwait(false),
            "stats" => await _stats.ShowAsync(turn, argument).ConfigureAwait(false),
            "timezone" or "tz" => _meetings.ChangeTimeZone(conversation, argument),
            "privacy" => _privacy.Show(conversation),
            "export" => await _privacy.ExportAsync(turn).ConfigureAwait(false),
            "forget" => await _privacy.AskAsync(turn).ConfigureAwait(false),
            _ => _replies.Prompt(conversation, _replies.Say(conversation, TextKeys.UnknownCommand) + "\n\n" + _replies.Say(conversation, TextKeys.Help)),
        };
    }
}
