using RecipeBot.Core.CloseOuts;
using RecipeBot.Core.Stats;
using RecipeBot.Storage.Sqlite;

namespace RecipeBot.Storage.Tests;

/// <summary>Close-outs and the activity log in a real SQLite file, read back after the file is closed and opened again.</summary>
public sealed class SqliteCloseOutStoreTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("recipebot-closeouts-").FullName;

    private string DatabasePath => Path.Combine(_directory, "bot.db");

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task ACloseOut_AndActivity_SurviveARestart_AndAreErasedPerUserOrConversation()
    {
        var occurrence = new DateTimeOffset(2026, 11, 20, 16, 0, 0, TimeSpan.Zero);
        var closed = MeetingCloseOut.Begin("meeting001", occurrence, "telegram:-100", "organiser", occurrence.AddHours(2)) with
        {
            Step = CloseOutStep.Closed, MinutesLink = "https://vald.ee/p/1", Attendees = 14, Organisations = ["Küla selts", "Noortekogu"],
            Decisions = [new("Remont", "commitment-7"), new("Uus kohtumine")], ClosedAt = occurrence.AddHours(3),
        };
        var other = MeetingCloseOut.Begin("meeting002", occurrence, "telegram:-100", "someone", occurrence.AddHours(2));
        using (var database = new SqliteDatabase(DatabasePath))
        {
            var store = new SqliteCloseOutStore(database);
            await store.SaveAsync(closed, CancellationToken.None);
            await store.SaveAsync(other, CancellationToken.None);
            var log = new SqliteActivityLog(database);
            var diagnosed = new ActivityEvent("telegram:-100", ActivityKinds.SituationDiagnosed, "contact/no-partners", occurrence);
            await log.RecordAsync(diagnosed, CancellationToken.None);
            await log.RecordAsync(diagnosed with { At = occurrence.AddHours(1) }, CancellationToken.None);
        }

        using (var database = new SqliteDatabase(DatabasePath))
        {
            var store = new SqliteCloseOutStore(database);
            var read = await store.GetAsync("meeting001", occurrence, CancellationToken.None);
            Assert.NotNull(read);
            Assert.Equal(closed, read with { Organisations = closed.Organisations, Decisions = closed.Decisions });
            Assert.Equal(closed.Organisations, read.Organisations);
            Assert.Equal(closed.Decisions, read.Decisions);
            Assert.Single(await new SqliteActivityLog(database).ListAsync("telegram:-100", CancellationToken.None));

            await store.EraseAsync("telegram:-100", "someone", CancellationToken.None);
            Assert.Equal(["meeting001"], (await store.ListAsync("telegram:-100", CancellationToken.None)).Select(c => c.MeetingId));
            await store.EraseAsync("telegram:-100", null, CancellationToken.None);
            Assert.Empty(await store.ListAsync("telegram:-100", CancellationToken.None));
        }
    }
}
