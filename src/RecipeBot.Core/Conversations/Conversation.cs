namespace RecipeBot.Core.Conversations;

/// <summary>
/// What RecipeBot remembers of one conversation (a user in a private chat, or a group chat).
/// Loaded at the start of a turn, changed by the turn, saved once at its end.
/// </summary>
public sealed class Conversation
{
    /// <summary>How many previous states <c>/back</c> can return through.</summary>
    public const int MaxHistory = 32;

    /// <summary>How many delivery ids are remembered; redeliveries come within seconds.</summary>
    public const int MaxDeliveries = 32;

    public Conversation(string id, string language, string state, DateTimeOffset createdAt)
    {
        Id = id;
        Language = language;
        State = state;
        CreatedAt = createdAt;
        UpdatedAt = createdAt;
    }

    /// <summary>Channel-qualified id, e.g. <c>terminal:local</c> or <c>telegram:-1001234567890</c>.</summary>
    public string Id { get; }

    /// <summary><see cref="Id"/> as a value: channel and id; null for an id without a channel.</summary>
    public ConversationKey? Key => ConversationKey.TryParse(Id, out var key) ? key : null;

    public string Language { get; set; }

    public string? Role { get; set; }

    public string? Phase { get; set; }

    public string State { get; set; }

    /// <summary>Previous states, oldest first.</summary>
    public List<string> History { get; init; } = [];

    public List<string> SituationsSeen { get; init; } = [];

    public List<string> RecipesGiven { get; init; } = [];

    /// <summary>
    /// Ids of the latest deliveries (Telegram update ids, Teams activity ids) this conversation
    /// has handled. Saved with the state in one row, so a redelivered message has effect once.
    /// </summary>
    public List<string> Deliveries { get; init; } = [];

    /// <summary>The intents the bot asked "did you mean …?" about; empty when it asked nothing.</summary>
    public List<string> Clarification { get; init; } = [];

    /// <summary>Free-text messages in a row the bot could not place; at two it shows the menu.</summary>
    public int Misses { get; set; }

    public int Turns { get; set; }

    /// <summary>Turns in a row that failed (the engine threw); the turn runner resets the conversation at three.</summary>
    public int Failures { get; set; }

    /// <summary>The IANA time zone meetings are planned in; null means <c>Europe/Tallinn</c>.</summary>
    public string? TimeZone { get; set; }

    /// <summary>
    /// Ids of the choices the last reply offered when they were not the state's own (a meeting list,
    /// a schedule question), so that a typed number means the button shown with it. Empty otherwise.
    /// </summary>
    public List<string> Offered { get; init; } = [];

    /// <summary>A meeting schedule being made or changed; null when none is.</summary>
    public Meetings.ScheduleDraft? Draft { get; set; }

    public DateTimeOffset CreatedAt { get; }

    /// <summary>
    /// Set by the turn that erased the conversation (<c>/forget</c>): the turn runner then saves nothing of it and
    /// only queues the farewell. Never stored.
    /// </summary>
    public bool Erased { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public void PushHistory(string state)
    {
        if (History.Count == MaxHistory)
        {
            History.RemoveAt(0);
        }

        History.Add(state);
    }

    /// <summary>Remembers <paramref name="deliveryId"/>; false when it was handled before.</summary>
    public bool TryRecordDelivery(string deliveryId)
    {
        if (Deliveries.Contains(deliveryId))
        {
            return false;
        }

        if (Deliveries.Count == MaxDeliveries)
        {
            Deliveries.RemoveAt(0);
        }

        Deliveries.Add(deliveryId);
        return true;
    }

    public string? PopHistory()
    {
        if (History.Count == 0)
        {
            return null;
        }

        var last = History[^1];
        History.RemoveAt(History.Count - 1);
        return last;
    }

    public Conversation Clone() => CloneAs(Id);

    /// <summary>A copy under another id (a Telegram group that became a supergroup).</summary>
    public Conversation CloneAs(string id) => new(id, Language, State, CreatedAt)
    {
        Role = Role,
        Phase = Phase,
        History = [.. History],
        SituationsSeen = [.. SituationsSeen],
        RecipesGiven = [.. RecipesGiven],
        Deliveries = [.. Deliveries],
        Clarification = [.. Clarification],
        Offered = [.. Offered],
        Misses = Misses,
        Turns = Turns,
        Failures = Failures,
        TimeZone = TimeZone,
        Draft = Meetings.ScheduleDraft.FromJson(Draft?.ToJson()),
        UpdatedAt = UpdatedAt,
    };
}
