using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using RecipeBot.Core.Content;
using RecipeBot.Core.Conversations;
using RecipeBot.Core.Diagnosis;
using RecipeBot.Core.Flow;
using RecipeBot.Core.Meetings;

namespace RecipeBot.Core.Engine;

/// <summary>
/// Decides what one message means for a conversation and changes it in memory: commands, the active dialog,
/// the flow's choices and free text. Loading, saving, the outbox and the error boundary belong to the turn
/// runner (<see cref="Turns.TurnRunner"/>), which every channel calls.
/// </summary>
public sealed partial class RecipeEngine(
    CompiledFlow flow,
    TimeProvider time,
    int maxTextLength = 4000,
    ILogger<RecipeEngine>? logger = null,
    IntentDiagnoser? diagnoser = null,
    MeetingServices? meetingServices = null)
{
    private readonly ILogger _logger = logger ?? NullLogger<RecipeEngine>.Instance;
    private readonly MeetingServices _meetings = meetingServices ?? MeetingServices.InMemory();
    private readonly MeetingMessages _messages = new(flow);

    public CompiledFlow Flow => flow;

    /// <summary>A new conversation in the language of <paramref name="languageHint"/>, or the default one.</summary>
    public Conversation Begin(string conversationId, string? languageHint)
    {
        var language = LanguageFrom(languageHint) ?? flow.DefaultLanguage;
        return new Conversation(conversationId, language, flow.Start.Id, time.GetUtcNow());
    }

    /// <summary>Answers <paramref name="message"/>, changing <paramref name="conversation"/> in memory only.</summary>
    public async ValueTask<OutgoingMessage> RespondAsync(Conversation conversation, IncomingMessage message, bool isNew, CancellationToken cancellationToken)
    {
        if (!flow.TryGetState(conversation.State, out _))
        {
            // The content changed under a stored conversation: start over rather than fail.
            _logger.LogWarning("Conversation {ConversationId} was in state {State}, which the flow no longer has; restarting", conversation.Id, conversation.State);
            Restart(conversation);
        }

        var reply = await AnswerAsync(conversation, message, isNew, cancellationToken).ConfigureAwait(false);
        RememberOffered(conversation, reply);
        conversation.Turns++;
        conversation.UpdatedAt = time.GetUtcNow();
        return reply;
    }

    /// <summary>
    /// Where the conversation stands, without answering anything (a terminal reopened). A new conversation, or one
    /// in a state the flow no longer has, is started.
    /// </summary>
    public OutgoingMessage Show(Conversation conversation)
    {
        if (conversation.Turns > 0 && flow.TryGetState(conversation.State, out _))
        {
            return Full(conversation);
        }

        Restart(conversation);
        conversation.UpdatedAt = time.GetUtcNow();
        return Full(conversation);
    }

    /// <summary>
    /// The answer when a turn failed: a short apology in the conversation's language; when it failed
    /// <paramref name="reset"/> times in a row, the conversation goes back to the menu, keeping its language,
    /// role, time zone and meetings.
    /// </summary>
    public OutgoingMessage Apologise(Conversation conversation, bool reset)
    {
        if (!reset && flow.TryGetState(conversation.State, out _))
        {
            return Prompt(conversation, Say(conversation, TextKeys.TurnFailed));
        }

        conversation.State = MenuOf(conversation);
        conversation.History.Clear();
        conversation.Clarification.Clear();
        conversation.Offered.Clear();
        conversation.Draft = null;
        conversation.Misses = 0;
        conversation.UpdatedAt = time.GetUtcNow();
        var menu = Full(conversation);
        return menu with { Text = Say(conversation, TextKeys.TurnReset) + "\n\n" + menu.Text };
    }

    /// <summary>The state a conversation's role leads to (the phase menu), or the start for a conversation without one.</summary>
    private string MenuOf(Conversation conversation)
    {
        if (conversation.Role is { } role)
        {
            foreach (var state in flow.States)
            {
                if (state.Choices.FirstOrDefault(c => c.Set.TryGetValue("role", out var value) && value == role && c.Goto is not null) is { } choice
                    && flow.TryGetState(choice.Goto!, out _))
                {
                    return choice.Goto!;
                }
            }
        }

        return flow.Start.Id;
    }

    private async ValueTask<OutgoingMessage> AnswerAsync(Conversation conversation, IncomingMessage message, bool isNew, CancellationToken cancellationToken)
    {
        var text = message.Text ?? string.Empty;
        if (text.Length > maxTextLength)
        {
            return Prompt(conversation, Say(conversation, TextKeys.TooLong).Replace("{max}", maxTextLength.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
        }

        var trimmed = text.AsSpan().Trim();
        if (trimmed.StartsWith("/"))
        {
            // A command ends any "did you mean …?" question and any schedule being made.
            conversation.Clarification.Clear();
            conversation.Draft = null;
            return await CommandAsync(conversation, message, trimmed[1..].ToString(), cancellationToken).ConfigureAwait(false);
        }

        if (OfferedNumber(conversation, trimmed) is { } offered)
        {
            // "2" after a list of meetings means the second button shown there, not the state's second choice.
            text = offered;
            trimmed = offered;
        }

        if (await MeetingButtonAsync(conversation, message, trimmed.ToString(), cancellationToken).ConfigureAwait(false) is { } pressed)
        {
            conversation.Clarification.Clear();
            return pressed;
        }

        if (conversation.Draft is not null && await DraftAsync(conversation, message, text, cancellationToken).ConfigureAwait(false) is { } drafted)
        {
            return drafted;
        }

        if (conversation.Clarification.Count > 0 && AnswerToClarification(conversation, text) is { } answered)
        {
            return await answered.ConfigureAwait(false);
        }

        var state = flow[conversation.State];
        var choice = isNew ? null : state.Match(text);
        if (choice is null)
        {
            return await FreeTextAsync(conversation, text, isNew, cancellationToken).ConfigureAwait(false);
        }

        conversation.Misses = 0;

        return choice.Action switch
        {
            ChoiceAction.Goto => await GoAsync(conversation, choice).ConfigureAwait(false),
            ChoiceAction.Back => Back(conversation),
            ChoiceAction.Restart => Restart(conversation),
            ChoiceAction.ScheduleMeeting => StartDraft(conversation, null),
            ChoiceAction.TryRecipes => await TryRecipesAsync(conversation, cancellationToken).ConfigureAwait(false),
            _ => Prompt(conversation, ReplyTexts.MethodCard(flow.Content.MethodsById[choice.MethodId!], conversation.Language, flow.Content)),
        };
    }

    private async ValueTask<OutgoingMessage> GoAsync(Conversation conversation, FlowChoice choice)
    {
        var from = conversation.State;
        var machine = flow.Rent(conversation);
        try
        {
            await machine.Machine.FireAsync(choice.Id).ConfigureAwait(false);
        }
        finally
        {
            flow.Return(machine);
        }

        foreach (var (key, value) in choice.Set)
        {
            switch (key)
            {
                case "language": conversation.Language = value; break;
                case "role": conversation.Role = value; break;
                case "phase": conversation.Phase = value; break;
            }
        }

        if (from != conversation.State)
        {
            conversation.PushHistory(from);
        }

        return Entered(conversation);
    }

    /// <summary>The reply on arriving in a state; a situation's recipes are recorded as given.</summary>
    private OutgoingMessage Entered(Conversation conversation)
    {
        var entered = flow[conversation.State];
        if (entered.Situation is { } situation)
        {
            conversation.Phase = situation.Phase;
            AddOnce(conversation.SituationsSeen, situation.Id);
            foreach (var recipeId in entered.RecipeIds)
            {
                AddOnce(conversation.RecipesGiven, recipeId);
            }
        }

        return Full(conversation);
    }

    private async ValueTask<OutgoingMessage> CommandAsync(Conversation conversation, IncomingMessage message, string command, CancellationToken cancellationToken)
    {
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
            "start" or "restart" => Restart(conversation),
            "help" => Prompt(conversation, Say(conversation, TextKeys.Help)),
            "back" => Back(conversation),
            "lang" or "language" => ChangeLanguage(conversation, argument),
            "remind" or "schedule" => Remind(conversation, argument),
            "meetings" => await ListMeetingsAsync(conversation, null, cancellationToken).ConfigureAwait(false),
            "timezone" or "tz" => ChangeTimeZone(conversation, argument),
            _ => Prompt(conversation, Say(conversation, TextKeys.UnknownCommand) + "\n\n" + Say(conversation, TextKeys.Help)),
        };
    }

    /// <summary>The id of the button numbered <paramref name="text"/> in the last reply, when that reply had its own buttons.</summary>
    private static string? OfferedNumber(Conversation conversation, ReadOnlySpan<char> text)
    {
        // While a time is asked, "7" is seven o'clock, not the seventh button.
        if (conversation.Offered.Count == 0 || conversation.Draft?.Step == DraftStep.Time)
        {
            return null;
        }

        return int.TryParse(text.TrimEnd('.'), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n)
            && n >= 1 && n <= conversation.Offered.Count
            ? conversation.Offered[n - 1]
            : null;
    }

    private void RememberOffered(Conversation conversation, OutgoingMessage reply)
    {
        conversation.Offered.Clear();
        var own = flow[conversation.State].ChoiceViews(conversation.Language);
        if (!reply.Choices.Select(c => c.Id).SequenceEqual(own.Select(c => c.Id)))
        {
            conversation.Offered.AddRange(reply.Choices.Select(c => c.Id));
        }
    }

    private OutgoingMessage ChangeLanguage(Conversation conversation, string argument)
    {
        var language = LanguageFrom(argument);
        if (language is null)
        {
            return Prompt(conversation, Say(conversation, TextKeys.UnknownLanguage).Replace("{languages}", string.Join(", ", flow.Languages), StringComparison.Ordinal));
        }

        conversation.Language = language;
        var reply = Full(conversation);
        return reply with { Text = Say(conversation, TextKeys.LanguageChanged) + "\n\n" + reply.Text };
    }

    private OutgoingMessage Back(Conversation conversation)
    {
        while (conversation.PopHistory() is { } previous)
        {
            if (flow.TryGetState(previous, out _))
            {
                conversation.State = previous;
                return Full(conversation);
            }
        }

        return Prompt(conversation, Say(conversation, TextKeys.NothingToGoBackTo));
    }

    private OutgoingMessage Restart(Conversation conversation)
    {
        conversation.State = flow.Start.Id;
        conversation.Role = null;
        conversation.Phase = null;
        conversation.History.Clear();
        conversation.Draft = null;
        return Full(conversation);
    }

    private OutgoingMessage Full(Conversation conversation)
    {
        var state = flow[conversation.State];
        return new OutgoingMessage(
            conversation.Id,
            state.FullText(conversation.Language, conversation.Role),
            state.ChoiceViews(conversation.Language),
            state.RecipeIds,
            state.Id,
            conversation.Language);
    }

    private OutgoingMessage Prompt(Conversation conversation, string before)
    {
        var state = flow[conversation.State];
        return new OutgoingMessage(
            conversation.Id,
            before + "\n\n" + state.Prompt(conversation.Language),
            state.ChoiceViews(conversation.Language),
            [],
            state.Id,
            conversation.Language);
    }

    private string Say(Conversation conversation, string key) => flow.Content.Text(key, conversation.Language);

    private string? LanguageFrom(string? hint)
    {
        if (string.IsNullOrWhiteSpace(hint))
        {
            return null;
        }

        // "en-US" or "ru_RU" count as their language.
        var code = hint.Trim().ToLowerInvariant();
        var cut = code.IndexOfAny(['-', '_']);
        code = cut > 0 ? code[..cut] : code;
        return flow.Languages.FirstOrDefault(l => l == code);
    }

    private static void AddOnce(List<string> list, string item)
    {
        if (!list.Contains(item))
        {
            list.Add(item);
        }
    }
}
