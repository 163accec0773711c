using System.Net;
using System.Text;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using RecipeBot.Tests.Shared;

namespace RecipeBot.Channels.WebChat.Tests.Channel;

/// <summary>
/// Arbitrary Unicode as a message's text, every character written as a JSON escape (so lone surrogates reach the
/// service as the escapes a client could send): 400 exactly when the text is not valid UTF-16, 413 exactly when the
/// body is over 64 KiB, otherwise 200 — and then the text comes back unchanged and the bot answers. Never a 500.
/// </summary>
public sealed class ActivityTextProperties : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("recipebot-webchat-").FullName;
    private WebChatBotHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await WebChatBotHost.StartAsync(Path.Combine(_directory, "bot.db"), null, "--WebChat:RequestsPerMinutePerToken=100000", "--WebChat:TokensPerMinutePerAddress=100000");

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Property(Arbitrary = [typeof(Texts)], MaxTest = 100)]
    public async Task AnyText_IsAnsweredOrRefusedAsTheClientsFault(AnyText text)
    {
        using var visitor = await new DirectLineVisitor(_host).ArriveAsync();
        var body = "{\"type\":\"message\",\"text\":\"" + Escaped(text.Value) + "\"}";

        using var response = await visitor.PostJsonAsync(body);

        var expected = Encoding.UTF8.GetByteCount(body) > 64 * 1024 ? HttpStatusCode.RequestEntityTooLarge
            : !IsValidUtf16(text.Value) ? HttpStatusCode.BadRequest
            : HttpStatusCode.OK;
        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.OK)
        {
            var id = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString();
            var activities = await visitor.WaitForAsync(a => DirectLineVisitor.BotMessages(a).Count >= 2
                || (text.Value.Trim().Length == 0 && a.Any(x => x.GetProperty("id").GetString() == id)));
            Assert.Equal(text.Value, activities.Single(a => a.GetProperty("id").GetString() == id).GetProperty("text").GetString());
        }
    }

    private static string Escaped(string text)
    {
        var escaped = new StringBuilder(text.Length * 6);
        foreach (var c in text)
        {
            escaped.Append(System.Globalization.CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
        }

        return escaped.ToString();
    }

    private static bool IsValidUtf16(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The shared arbitrary Unicode; a huge text stays huge (it must be refused as too large).</summary>
    public static class Texts
    {
        public static Arbitrary<AnyText> AnyText() => AnyTextArbitrary.AnyText();
    }
}
