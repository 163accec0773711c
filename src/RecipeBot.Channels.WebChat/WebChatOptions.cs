using System.ComponentModel.DataAnnotations;

namespace RecipeBot.Channels.WebChat;

/// <summary>
/// Settings of the web chat channel (section <c>WebChat</c>): our own Direct Line 3.0 service for Microsoft's Web Chat
/// widget, the page that embeds it, and the limits that protect both. The token secret comes from the environment
/// (<c>WebChat__TokenSecret</c>).
/// </summary>
public sealed class WebChatOptions
{
    public const string SectionName = "WebChat";

    /// <summary>Web Chat from Microsoft's CDN, the version the tests run against.</summary>
    public const string DefaultScriptUrl = "https://cdn.botframework.com/botframework-webchat/4.18.1/webchat.js";

    /// <summary>Where <see cref="ScriptFile"/> is served.</summary>
    public const string LocalScriptPath = "/webchat/webchat.js";

    /// <summary>Turns the channel on: <c>/webchat</c>, <c>/webchat/token</c> and <c>/v3/directline</c>.</summary>
    public bool Enabled { get; set; }

    /// <summary>Signs the visitors' tokens (HMAC-SHA256), at least 32 characters; empty: a random key per start, so tokens do not outlive a restart.</summary>
    public string? TokenSecret { get; set; }

    /// <summary>How long a token is good for; Web Chat refreshes it well before (every 15 minutes).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>The municipality's name, shown at the top of the page and as the bot's name in the chat.</summary>
    [Required]
    [StringLength(100, MinimumLength = 1)]
    public string MunicipalityName { get; set; } = "RecipeBot";

    /// <summary>The page's and the widget's accent colour, <c>#RRGGBB</c>.</summary>
    [Required]
    public string AccentColor { get; set; } = "#1F6FB2";

    /// <summary>Where the page loads Web Chat from; empty: <see cref="LocalScriptPath"/> when <see cref="ScriptFile"/> is set, else Microsoft's CDN.</summary>
    public Uri? ScriptUrl { get; set; }

    /// <summary>A copy of <c>webchat.js</c> (npm <c>botframework-webchat</c>, <c>dist/webchat.js</c>) served at <see cref="LocalScriptPath"/>, so no CDN is needed.</summary>
    public string? ScriptFile { get; set; }

    /// <summary>Origins (<c>https://www.example.ee</c>) whose pages may embed the chat and call the service; <c>*</c> allows any. The bot's own origin always may.</summary>
    public IList<string> AllowedOrigins { get; } = [];

    /// <summary>New tokens one client address may get per minute.</summary>
    [Range(1, 100_000)]
    public int TokensPerMinutePerAddress { get; set; } = 30;

    /// <summary>Requests one token may make per minute (polling once a second makes 60).</summary>
    [Range(1, 100_000)]
    public int RequestsPerMinutePerToken { get; set; } = 300;

    /// <summary>Requests one client address may make per minute, all its tokens together (offices share an address).</summary>
    [Range(1, 1_000_000)]
    public int RequestsPerMinutePerAddress { get; set; } = 6000;

    /// <summary>The most activities one answer (a poll, a stream message) carries; the watermark leads to the rest.</summary>
    [Range(1, 1000)]
    public int PageSize { get; set; } = 100;

    /// <summary>Conversations whose messages are worked at once.</summary>
    [Range(1, 256)]
    public int Workers { get; set; } = 32;

    /// <summary>The script the page loads.</summary>
    public string EffectiveScriptUrl =>
        ScriptUrl?.ToString() ?? (string.IsNullOrWhiteSpace(ScriptFile) ? DefaultScriptUrl : LocalScriptPath);
}
