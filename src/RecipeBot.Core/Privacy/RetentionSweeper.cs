using Microsoft.Extensions.Logging;
using RecipeBot.Core.Channels;
using RecipeBot.Core.Conversations;
using RecipeBot.Core.Turns;

namespace RecipeBot.Core.Privacy;

/// <summary>
/// Deletes conversations inactive for longer than their retention (<see cref="RetentionPolicy"/>) with everything of
/// them. Only conversations of the channels this process serves: a terminal chat opened on the server's database
/// leaves the server's conversations (and their timers) alone. Run daily by a timer; each run is one pass.
/// </summary>
public sealed partial class RetentionSweeper(
    IConversationStore store,
    TurnRunner turns,
    PersonalData data,
    RetentionPolicy policy,
    ChannelSenders channels,
    TimeProvider time,
    ILogger<RetentionSweeper> logger)
{
    private const int Page = 500;

    /// <summary>One pass; returns how many conversations were deleted.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var erased = 0;
        ConversationActivity? after = null;
        while (true)
        {
            var page = await store.ListInactiveAsync(now - policy.Shortest, after, Page, cancellationToken).ConfigureAwait(false);
            foreach (var candidate in page)
            {
                var before = now - policy.RetentionOf(candidate.Id);
                if (candidate.UpdatedAt < before && channels.Serves(candidate.Id)
                    && await turns.EraseIfInactiveAsync(candidate.Id, before, data, cancellationToken).ConfigureAwait(false))
                {
                    erased++;
                }
            }

            if (page.Count < Page)
            {
                break;
            }

            after = page[^1];
        }

        LogSwept(erased, policy.Options.RetentionDays, policy.Options.WebRetentionDays);
        return erased;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention: {Erased} inactive conversations deleted (kept {RetentionDays} days, web visitors {WebRetentionDays})")]
    private partial void LogSwept(int erased, int retentionDays, int webRetentionDays);
}
