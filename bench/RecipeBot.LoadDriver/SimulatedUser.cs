namespace RecipeBot.LoadDriver;

/// <summary>
/// One user in a private chat, in a closed loop: at most one update of theirs is waiting for the bot's reply.
/// Timestamps are <see cref="System.Diagnostics.Stopwatch"/> ticks. Guarded by <see cref="Gate"/>.
/// </summary>
public sealed class SimulatedUser(int index, long chatId)
{
    private readonly ScriptStep[] _opening = ConversationScript.Opening(index);
    private readonly ScriptStep[] _cycle = ConversationScript.Cycle(index);
    private int _step;
    private long _messageId;

    public Lock Gate { get; } = new();

    public long ChatId { get; } = chatId;

    public string Language { get; } = ConversationScript.Languages[index % 3];

    /// <summary>An update of this user's is with the bot and its reply has not arrived.</summary>
    public bool Awaiting { get; private set; }

    /// <summary>When the awaited update was made available to the bot (queued for getUpdates, or posted).</summary>
    public long SentAt { get; private set; }

    public long PendingUpdateId { get; private set; }

    /// <summary>When the bot took the update (getUpdates served it, or its webhook post started); 0 until then.</summary>
    public long ServedAt { get; set; }

    /// <summary>When the bot answered the callback query (the handler started on the update); 0 until then.</summary>
    public long CallbackAnsweredAt { get; set; }

    public bool PendingIsText => Current.IsText;

    /// <summary>The opening's steps, then the cycle's over and over.</summary>
    private ScriptStep Current => _step < _opening.Length ? _opening[_step] : _cycle[_step - _opening.Length];

    /// <summary>The message id for the next message in this chat, shared by the user's and the bot's messages.</summary>
    public long NextMessageId() => ++_messageId;

    /// <summary>Marks the current step as sent and renders it; called where update ids are handed out in order.</summary>
    public byte[] Send(long updateId, long now)
    {
        Awaiting = true;
        PendingUpdateId = updateId;
        SentAt = now;
        ServedAt = 0;
        CallbackAnsweredAt = 0;
        var step = Current;
        // A button press refers to the bot's latest message; a typed message is a new one.
        var messageId = step.IsText ? NextMessageId() : _messageId;
        return UpdateJson.Render(updateId, ChatId, Language, messageId, step);
    }

    /// <summary>
    /// Takes the reply to the awaited update and moves to the next step. False when the next button the script
    /// wants is not on the reply's keyboard (a reply to something else): the user then starts over with /start.
    /// </summary>
    public bool Advance(IReadOnlyList<string> keyboard)
    {
        Awaiting = false;
        _step = _step + 1 < _opening.Length + _cycle.Length ? _step + 1 : _opening.Length;
        var next = Current;
        if (next.IsText || keyboard.Contains(next.Value))
        {
            return true;
        }

        // The cycle ends with /start.
        _step = _opening.Length + _cycle.Length - 1;
        return false;
    }
}
