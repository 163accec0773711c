using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using RecipeBot.Core.Content;
using RecipeBot.Core.Conversations;
using RecipeBot.Core.Diagnosis;
using RecipeBot.Core.Flow;
using RecipeBot.Core.Meetings;

namespace RecipeBot.Core.Engine;

/// <summary>
/// Runs one turn: load the conversation, decide what the message means, fire the state
/// machine, render the reply and save once at the end. Channels call <see cref="HandleAsync"/>.
/// </summary>
public sealed partial class RecipeEngine(
    CompiledFlow flow,
    IConversationStore store,
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

    /// <summary>One turn for a channel without redelivery (the terminal); the delivery id is not checked.</summary>
    public async Task<OutgoingMessage> HandleAsync(IncomingMessage message, CancellationToken cancellationToken) =>
        (await TurnAsync(message, checkDelivery: false, cancellationToken).ConfigureAwait(false))!;

    /// <summary>
    /// As <see cref="HandleAsync"/>, but returns null — and changes nothing — when the
    /// conversation has already handled <see cref="IncomingMessage.DeliveryId"/>.
    /// </summary>
    public Task<OutgoingMessage?> HandleDeliveryAsync(IncomingMessage message, CancellationToken cancellationToken) =>
        TurnAsync(message, checkDelivery: true, cancellationToken);

    private async Task<OutgoingMessage?> TurnAsync(IncomingMessage message, bool checkDelivery, CancellationToken cancellationToken)
    {
        var conversation = await store.LoadAsync(message.ConversationId, cancellationToken).ConfigureAwait(false);
        var isNew = conversation is null;
        conversation ??= Begin(message);
        if (checkDelivery && message.DeliveryId is { } deliveryId && !conversation.TryRecordDelivery(deliveryId))
        {
            _logger.LogInformation("Delivery {DeliveryId} of conversation {ConversationId} was handled before; ignored", deliveryId, conversation.Id);
            return null;
        }

        if (!flow.TryGetState(conversation.State, out _))
        {
            // The content changed under a stored conversation: start over rather than fail.
            _logger.LogWarning("Conversation {ConversationId} was in state {State}, which the flow no longer has; restarting", conversation.Id, conversation.State);
            Restart(conversation);
        }

        var reply = await RespondAsync(conversation, message, isNew, cancellationToken).ConfigureAwait(false);
        RememberOffered(conversation, reply);
        conversation.Turns++;
        conversation.UpdatedAt = time.GetUtcNow();
        await store.SaveAsync(conversation, cancellationToken).ConfigureAwait(false);
        return reply;
    }

    /// <summary>
    /// Shows where the conversation stands without changing it (a terminal reopened, a
    /// restarted bot greeting its user again). Starts the conversation if it is new.
    /// </summary>
    public async Task<OutgoingMessage> ShowAsync(string conversationId, string? languageHint, CancellationToken cancellationToken)
    {
        var conversation = await store.LoadAsync(conversationId, cancellationToken).ConfigureAwait(false);
        if (conversation is not null && flow.TryGetState(conversation.State, out _))
        {
            return Full(conversation);
        }

        conversation ??= Begin(new IncomingMessage(conversationId, string.Empty, null, languageHint));
        Restart(conversation);
        conversation.UpdatedAt = time.GetUtcNow();
        await store.SaveAsync(conversation, cancellationToken).ConfigureAwait(false);
        return Full(conversation);
    }

    private Conversation Begin(IncomingMessage message)
    {
        var language = LanguageFrom(message.LanguageHint) ?? flow.DefaultLanguage;
        return new Conversation(message.ConversationId, language, flow.Start.Id, time.GetUtcNow());
    }

    private async ValueTask<OutgoingMessage> RespondAsync(Conversation conversation, IncomingMessage message, bool isNew, CancellationToken cancellationToken)
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
        await flow.CreateMachine(conversation).FireAsync(choice.Id).ConfigureAwait(false);
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
