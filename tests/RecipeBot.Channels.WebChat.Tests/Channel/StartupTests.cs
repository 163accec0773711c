using System.Net;
using Microsoft.Extensions.Options;

namespace RecipeBot.Channels.WebChat.Tests.Channel;

/// <summary>When the channel is on, what it refuses to start with, and the page it serves.</summary>
public sealed class StartupTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("recipebot-webchat-startup-").FullName;

    private string Database => Path.Combine(_directory, "bot.db");

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task BadSettings_StopStartUp_NamingEachWithoutTheSecret()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => WebChatBotHost.StartAsync(
            Database, null, "--WebChat:TokenSecret=too-short-to-sign", "--WebChat:AccentColor=red", "--WebChat:PageSize=0"));

        Assert.Contains("WebChat:TokenSecret must be at least 32 characters", error.Message, StringComparison.Ordinal);
        Assert.Contains("WebChat:AccentColor must be a colour written #RRGGBB", error.Message, StringComparison.Ordinal);
        Assert.Contains("PageSize", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("too-short-to-sign", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThePage_AndTheLocalScript_AreServed()
    {
        var script = Path.Combine(_directory, "webchat.js");
        await File.WriteAllTextAsync(script, "window.WebChat = {};");
        await using var host = await WebChatBotHost.StartAsync(Database, null, "--WebChat:MunicipalityName=Tartu vald", $"--WebChat:ScriptFile={script}");
        using var http = new HttpClient { BaseAddress = host.Address };

        var page = await http.GetStringAsync("/webchat?lang=ru");
        using var served = await http.GetAsync("/webchat/webchat.js");

        Assert.Contains("<h1>Tartu vald · Советы по открытому управлению</h1>", System.Net.WebUtility.HtmlDecode(page), StringComparison.Ordinal);
        Assert.Contains("<script src=\"/webchat/webchat.js\">", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal("window.WebChat = {};", await served.Content.ReadAsStringAsync());
    }
}
