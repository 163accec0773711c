using System.Globalization;
using Microsoft.Extensions.Logging;
using RecipeBot.Core.Conversations;
using RecipeBot.Core.Engine;
using RecipeBot.Core.Privacy;

namespace RecipeBot.Core.Dialogs;

/// <summary>
/// The data rights: the privacy notice on first contact and with <c>/privacy</c>, <c>/export</c> (everything kept about
/// the conversation as a JSON file) and <c>/forget</c> (erase it, after a confirmation). In a group only what is the
/// user's own is erased.
/// </summary>
public sealed partial class PrivacyDialog
{
    private readonly Replies _replies;
    private readonly PrivacyServices _privacy;
    private readonly ILogger _logger;
    private readonly MachinePool<ForgetMachine> _machines;

    public PrivacyDialog(Replies replies, PrivacyServices privacy, ILogger logger)
    {
        _replies = replies;
        _privacy = privacy;
        _logger = logger;
        _machines = new MachinePool<ForgetMachine>(() => new ForgetMachine(EraseAsync));
    }

    /// <summary>The short notice added to the first reply of a conversation.</summary>
    public string Notice(Conversation conversation) => _replies.Say(conversation, "privacy-notice", ("days", Days(_privacy.Retention.Options.RetentionDays)));

    /// <summary><c>/privacy</c>: what is kept, for how long, and how to see or remove it.</summary>
    public OutgoingMessage Show(Conversation conversation) =>
        _replies.Prompt(conversation, _replies.Say(
            conversation,
            "privacy",
            ("days", Days(_privacy.Retention.Options.RetentionDays)),
            ("webdays", Days(_privacy.Retention.Options.WebRetentionDays))));

    /// <summary><c>/export</c>: everything kept about the conversation (in a group: the user's part and the group's state), as a JSON file.</summary>
    public async ValueTask<OutgoingMessage> ExportAsync(DialogTurn turn)
    {
        var conversation = turn.Conversation;
        var file = await _privacy.Data.ExportFileAsync(Subject(turn), turn.CancellationToken).ConfigureAwait(false);
        var date = _replies.Today(conversation).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        LogExported(conversation.Id, file.Length);
        return _replies.Prompt(conversation, _replies.Say(conversation, "export-caption")) with
        {
            Attachment = new MessageAttachment($"recipebot-data-{date}.json", "application/json", file),
        };
    }

    /// <summary><c>/forget</c>: asks first.</summary>
    public async ValueTask<OutgoingMessage> AskAsync(DialogTurn turn)
    {
        await FireAsync(turn, ForgetMachine.Trigger.Ask).ConfigureAwait(false);
        var conversation = turn.Conversation;
        return Replies.Own(
            conversation,
            _replies.Say(conversation, turn.Message.IsGroup ? "forget-ask-group" : "forget-ask"),
            [new(ForgetButton.Yes, _replies.Say(conversation, "forget-yes")), new(ForgetButton.No, _replies.Say(conversation, "forget-no"))]);
    }

    /// <summary>The answer to "erase everything?"; null when the text is no such answer.</summary>
    public async ValueTask<OutgoingMessage?> PressAsync(DialogTurn turn)
    {
        var text = turn.Text.Trim();
        if (text is not (ForgetButton.Yes or ForgetButton.No))
        {
            return null;
        }

        var conversation = turn.Conversation;
        if (!conversation.Offered.Contains(text))
        {
            // A button of an older question: erasing needs a fresh "yes".
            return _replies.Prompt(conversation, _replies.Say(conversation, "forget-expired"));
        }

        if (text == ForgetButton.No)
        {
            await FireAsync(turn, ForgetMachine.Trigger.Cancel).ConfigureAwait(false);
            return _replies.Prompt(conversation, _replies.Say(conversation, "forget-kept"));
        }

        await FireAsync(turn, ForgetMachine.Trigger.Confirm).ConfigureAwait(false);
        if (turn.Message.IsGroup)
        {
            return _replies.Prompt(conversation, _replies.Say(conversation, "forget-done-group"));
        }

        conversation.Erased = true;
        return new OutgoingMessage(conversation.Id, _replies.Say(conversation, "forget-done"), [], [], _replies.Flow.Start.Id, conversation.Language, Farewell: true);
    }

    /// <summary>The labels of the question's buttons, so that typing one presses it.</summary>
    public string? LabelOf(Conversation conversation, string id) => id switch
    {
        ForgetButton.Yes => _replies.Say(conversation, "forget-yes"),
        ForgetButton.No => _replies.Say(conversation, "forget-no"),
        _ => null,
    };

    /// <summary>The dialog as Mermaid, Stateless's export.</summary>
    public static string ToMermaid() => Stateless.Graph.MermaidGraph.Format(new ForgetMachine(_ => Task.CompletedTask).Machine.GetInfo());

    private static PersonalDataSubject Subject(DialogTurn turn) =>
        new(turn.Conversation.Id, turn.Message.UserId, turn.Message.IsGroup, FarewellFollows: !turn.Message.IsGroup);

    private static string Days(int days) => days.ToString(CultureInfo.InvariantCulture);

    private async Task FireAsync(DialogTurn turn, ForgetMachine.Trigger trigger)
    {
        var machine = _machines.Rent();
        machine.Current = turn.Conversation.Offered.Contains(ForgetButton.Yes) ? ForgetMachine.State.Asking : ForgetMachine.State.Idle;
        machine.Bound = turn;
        try
        {
            await machine.Machine.FireAsync(trigger).ConfigureAwait(false);
        }
        finally
        {
            machine.Bound = null;
            _machines.Return(machine);
        }
    }

    private async Task EraseAsync(ForgetMachine machine)
    {
        var turn = machine.Bound!;
        await _privacy.Data.EraseAsync(Subject(turn), turn.CancellationToken).ConfigureAwait(false);
        LogErased(turn.Conversation.Id, turn.Message.IsGroup);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Conversation {ConversationId} exported its data ({Bytes} bytes)")]
    private partial void LogExported(string conversationId, int bytes);

    [LoggerMessage(Level = LogLevel.Information, Message = "Conversation {ConversationId} had its data erased at a user's request (group: {IsGroup})")]
    private partial void LogErased(string conversationId, bool isGroup);
}
