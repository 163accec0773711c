using RecipeBot.Core.Channels;
using RecipeBot.Core.CloseOuts;
using RecipeBot.Core.Conversations;
using RecipeBot.Core.Meetings;
using RecipeBot.Core.Outbox;
using RecipeBot.Storage.Memory;
using RecipeBot.Storage.Sqlite;

namespace RecipeBot.Reminders.Tests.Support;

/// <summary>What a dispatcher writes to, wired as the bot wires it: meetings and the ledger, the outbox they queue in, the chat directory.</summary>
public sealed record HarnessStores(IMeetingStore Meetings, IOutboxStore Outbox, IChatDirectory Chats, ICloseOutStore CloseOuts)
{
    public static HarnessStores InMemory(TimeProvider time)
    {
        var conversations = new InMemoryConversationStore();
        var meetings = new InMemoryMeetingStore(conversations);
        return new(meetings, conversations, new InMemoryChannelStore(conversations, meetings, time), new InMemoryCloseOutStore());
    }

    /// <summary>Everything in one SQLite file, on <paramref name="database"/>'s connection.</summary>
    public static HarnessStores Sqlite(SqliteDatabase database, TimeProvider time)
    {
        var conversations = new SqliteConversationStore(database, time);
        var meetings = new SqliteMeetingStore(database, time);
        return new(meetings, conversations, new SqliteChannelStore(database, conversations, time, meetings), new SqliteCloseOutStore(database));
    }
}
