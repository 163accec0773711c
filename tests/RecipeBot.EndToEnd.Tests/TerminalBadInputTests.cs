using Microsoft.Data.Sqlite;

namespace RecipeBot.EndToEnd.Tests;

/// <summary>The terminal chat under text that once ended it, and a chat whose database fails under it.</summary>
public sealed class TerminalBadInputTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("recipebot-e2e-input-").FullName;

    private string DatabasePath => Path.Combine(_directory, "state", "bot.db");

    private Dictionary<string, string> Environment => new() { ["Storage__SqlitePath"] = DatabasePath };

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task EmojiNoncharactersAndAnAbsurdInterval_EachGetAReply_AndTheChatGoesOn()
    {
        using var chat = ChatProcess.Start(_directory, Environment);
        await chat.SayAsync("/start");
        await chat.SayAsync("en");

        var thanks = await chat.SayAsync("aitäh 🙂");
        var flag = await chat.SayAsync("🇪🇪");
        var nonCharacter = await chat.SayAsync("\uFFFE");
        var interval = await chat.SayAsync("every 999999999 weeks on monday at 10");
        var remind = await chat.SayAsync("/remind every 999999999 weeks on monday at 10");
        var still = await chat.SayAsync("/help");

        foreach (var reply in new[] { thanks, flag, nonCharacter, interval, still })
        {
            Assert.False(string.IsNullOrEmpty(reply.GetProperty("text").GetString()));
            Assert.False(reply.TryGetProperty("schedule", out _));
        }

        Assert.StartsWith("That gap is too long for me: at most 52 weeks or 12 months.", remind.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.False(chat.HasExited);
        Assert.Equal(0, await chat.CloseAndWaitAsync());
    }

    [Fact]
    public async Task WhenTheDatabaseFailsMidChat_TheChatStopsWithANonZeroExitAndOneLine()
    {
        using var chat = ChatProcess.Start(_directory, Environment);
        await chat.SayAsync("/start");

        // Another process takes the write lock and keeps it: the next turn cannot be saved.
        using var holder = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        holder.Open();
        using (var command = holder.CreateCommand())
        {
            command.CommandText = "BEGIN EXCLUSIVE";
            command.ExecuteNonQuery();
        }

        await chat.SendAsync("en");
        var exitCode = await chat.WaitForExitAsync();

        Assert.NotEqual(0, exitCode);
        var line = Assert.Single(chat.Errors, e => e.StartsWith("RecipeBot stopped:", StringComparison.Ordinal));
        Assert.Contains("locked", line, StringComparison.Ordinal);
        Assert.DoesNotContain(chat.Errors, e => e.StartsWith("   at ", StringComparison.Ordinal));
    }
}
