using RecipeBot.Core.Engine;

namespace RecipeBot.Core.Meetings;

/// <summary>
/// Meetings, next-step prompts and the notification ledger. The ledger holds one row per
/// notification key (e.g. <c>{meeting}/{occurrence}/{kind}</c>): inserting it is the claim that
/// makes each notification go out once, across retries, restarts and instances.
/// </summary>
public interface IMeetingStore
{
    /// <summary>Inserts or replaces the meeting.</summary>
    ValueTask SaveAsync(Meeting meeting, CancellationToken cancellationToken);

    ValueTask<Meeting?> GetAsync(string meetingId, CancellationToken cancellationToken);

    /// <summary>The conversation's meetings that are not cancelled, oldest first.</summary>
    ValueTask<IReadOnlyList<Meeting>> ListAsync(string conversationId, CancellationToken cancellationToken);

    /// <summary>Every meeting of the conversation, cancelled ones too, oldest first (what an export shows).</summary>
    ValueTask<IReadOnlyList<Meeting>> ListAllAsync(string conversationId, CancellationToken cancellationToken);

    /// <summary>Ledger rows whose key starts with <paramref name="keyPrefix"/> (<see cref="NotificationKeys.MeetingPrefix"/>, <see cref="NotificationKeys.NextStepPrefix"/>).</summary>
    ValueTask<IReadOnlyList<LedgerEntry>> ListLedgerAsync(string keyPrefix, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes the meetings with their ledger rows and, when <paramref name="nextStepsOf"/> names a conversation, its
    /// next steps with theirs; in one transaction.
    /// </summary>
    ValueTask EraseAsync(IReadOnlyList<string> meetingIds, string? nextStepsOf, CancellationToken cancellationToken);

    /// <summary>Every meeting with status Active, oldest first.</summary>
    ValueTask<IReadOnlyList<Meeting>> ListActiveAsync(CancellationToken cancellationToken);

    /// <summary>Pauses every active meeting of the conversation (the chat blocked the bot); returns them paused, oldest first.</summary>
    ValueTask<IReadOnlyList<Meeting>> PauseAllAsync(string conversationId, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Gives a conversation's meetings and next steps a new conversation id (a group became a supergroup); a next step the new id already has is kept.</summary>
    ValueTask MoveAsync(string fromConversationId, string toConversationId, CancellationToken cancellationToken);

    /// <summary>Inserts or replaces the prompt of (conversation, situation).</summary>
    ValueTask SaveNextStepAsync(NextStep step, CancellationToken cancellationToken);

    ValueTask<NextStep?> GetNextStepAsync(string conversationId, string situationId, CancellationToken cancellationToken);

    ValueTask DeleteNextStepAsync(string conversationId, string situationId, CancellationToken cancellationToken);

    /// <summary>Every stored next step, earliest due first.</summary>
    ValueTask<IReadOnlyList<NextStep>> ListNextStepsAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Claims <paramref name="key"/> by inserting its ledger row with <paramref name="status"/>; false — and
    /// nothing written — when the key was claimed before. Atomic: of two concurrent callers one wins.
    /// </summary>
    ValueTask<bool> TryClaimAsync(string key, string ownerId, DateTimeOffset dueAt, NotificationStatus status, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Takes over a claim left Pending: atomically makes <paramref name="ownerId"/> its owner when it is Pending
    /// and either already <paramref name="ownerId"/>'s or last touched at or before <paramref name="staleBefore"/>.
    /// False — nothing written — otherwise; of two instances taking over one dead claim, one wins.
    /// </summary>
    ValueTask<bool> TryTakeOverAsync(string key, string ownerId, DateTimeOffset staleBefore, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Hands a claimed notification to the outbox: in one transaction, completes <paramref name="key"/> with
    /// <paramref name="status"/> (Sent or SentLate) and writes <paramref name="message"/> as an outbox row. False —
    /// nothing written — when the key is not Pending any more (another sender settled it first). Either both are
    /// written or neither: a crash before the commit leaves the key Pending, after it the outbox owns delivery.
    /// </summary>
    ValueTask<bool> QueueAsync(string key, NotificationStatus status, DateTimeOffset now, OutgoingMessage message, CancellationToken cancellationToken);

    /// <summary>
    /// Records what became of a claimed notification, if it is still pending: one settled meanwhile (a peer took the
    /// claim over and queued it) keeps what it became.
    /// </summary>
    ValueTask CompleteAsync(string key, NotificationStatus status, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>The ledger status of <paramref name="key"/>, or null when it was never claimed.</summary>
    ValueTask<NotificationStatus?> GetStatusAsync(string key, CancellationToken cancellationToken);

    /// <summary>Claims still Pending (a crash between claim and send), oldest first.</summary>
    ValueTask<IReadOnlyList<LedgerEntry>> ListPendingAsync(CancellationToken cancellationToken);
}

/// <summary>One ledger row.</summary>
public sealed record LedgerEntry(string Key, string OwnerId, DateTimeOffset DueAt, NotificationStatus Status, DateTimeOffset UpdatedAt);
