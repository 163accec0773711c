using RecipeBot.Channels.WebChat.Page;
using RecipeBot.Channels.WebChat.Tests.Channel;
using RecipeBot.Core.Loading;

namespace RecipeBot.Channels.WebChat.Tests.Units;

public sealed class WebChatPageTests
{
    private static readonly Core.Content.ContentSet Content = ContentLoader.LoadValid(WebChatBotHost.Dialogs());

    [Theory]
    [InlineData("et", "et-EE", "Avatud valitsemise nõuanne")]
    [InlineData("en", "en-US", "Open government advice")]
    [InlineData("ru", "ru-RU", "Советы по открытому управлению")]
    [InlineData("fi", "et-EE", "Avatud valitsemise nõuanne")]
    [InlineData(null, "et-EE", "Avatud valitsemise nõuanne")]
    public void ThePage_IsInTheAskedLanguage_EstonianOtherwise(string? lang, string locale, string title)
    {
        var html = WebChatPage.Render(Content, new WebChatOptions(), lang);

        Assert.Contains(System.Text.Encodings.Web.HtmlEncoder.Default.Encode(title), html, StringComparison.Ordinal);
        Assert.Contains($"\"locale\":\"{locale}\"", html, StringComparison.Ordinal);
        Assert.Contains($"<script src=\"{WebChatOptions.DefaultScriptUrl}\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public void TheMunicipalitysNameAndColour_AreShown_AndCannotBreakThePage()
    {
        var options = new WebChatOptions { MunicipalityName = "Tartu </script><b>vald</b>", AccentColor = "#AA3300", ScriptFile = "webchat.js" };

        var html = WebChatPage.Render(Content, options, "en");

        Assert.Contains("background: #AA3300", html, StringComparison.Ordinal);
        Assert.Contains("Tartu &lt;/script&gt;&lt;b&gt;vald&lt;/b&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("</script><b>", html, StringComparison.Ordinal);
        Assert.Contains($"<script src=\"{WebChatOptions.LocalScriptPath}\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public void TheValidator_NamesEachBadSetting_WithoutRepeatingTheSecret()
    {
        var options = new WebChatOptions { Enabled = true, TokenSecret = "short-secret", AccentColor = "blue", ScriptUrl = new Uri("http://cdn.example/webchat.js"), ScriptFile = "/no/such/webchat.js" };
        options.AllowedOrigins.Add("https://www.tartu.ee/path");

        var result = new WebChatOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Equal(5, result.Failures!.Count());
        Assert.DoesNotContain("short-secret", result.FailureMessage, StringComparison.Ordinal);
        Assert.True(new WebChatOptionsValidator().Validate(null, new WebChatOptions { Enabled = true }).Succeeded);
    }
}
