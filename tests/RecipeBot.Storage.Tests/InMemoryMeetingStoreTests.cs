using RecipeBot.Core.Meetings;

namespace RecipeBot.Storage.Tests;

/// <summary>The reference implementation keeps the same contract as the SQLite store.</summary>
public sealed class InMemoryMeetingStoreTests : MeetingStoreContract
{
    protected override IMeetingStore Open() => new InMemoryMeetingStore();
}
