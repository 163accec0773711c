using System.ComponentModel.DataAnnotations;

namespace RecipeBot.Channels.Teams;

/// <summary>
/// Settings of the Microsoft Teams channel (section <c>Teams</c>): the Azure Bot's identity and
/// the Bot Framework endpoints. The password comes from the environment (<c>Teams__AppPassword</c>).
/// </summary>
public sealed class TeamsOptions
{
    public const string SectionName = "Teams";

    public const string BotFrameworkMetadataUrl = "https://login.botframework.com/v1/.well-known/openidconfiguration";
    public const string BotFrameworkIssuer = "https://api.botframework.com";
    public const string BotFrameworkScope = "https://api.botframework.com/.default";
    public const string MultiTenantAuthorityTenant = "botframework.com";

    /// <summary>Turns the channel on without an app id: anonymous, for the Bot Framework Emulator in Development only.</summary>
    public bool Enabled { get; set; }

    /// <summary>The Azure Bot's Microsoft App ID: the audience of inbound tokens and the client of outbound ones. Setting it turns the channel on.</summary>
    public string? AppId { get; set; }

    /// <summary>The app registration's client secret; set it as <c>Teams__AppPassword</c>, never in a file.</summary>
    public string? AppPassword { get; set; }

    /// <summary>The tenant of a single-tenant bot; empty for a multi-tenant one (tokens then come from <c>botframework.com</c>).</summary>
    public string? TenantId { get; set; }

    /// <summary>Where the Bot Connector posts activities.</summary>
    public string MessagesPath { get; set; } = "/api/messages";

    /// <summary>The OpenID metadata document whose keys sign the Bot Connector's tokens.</summary>
    [Required]
    public Uri OpenIdMetadataUrl { get; set; } = new(BotFrameworkMetadataUrl);

    /// <summary>The issuer of the Bot Connector's tokens.</summary>
    [Required]
    public string Issuer { get; set; } = BotFrameworkIssuer;

    /// <summary>Where outbound tokens come from; empty: <c>https://login.microsoftonline.com/{TenantId or botframework.com}</c>.</summary>
    public Uri? Authority { get; set; }

    /// <summary>The scope of outbound tokens.</summary>
    [Required]
    public string Scope { get; set; } = BotFrameworkScope;

    /// <summary>How long the signing keys are used before the metadata is read again.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan MetadataRefreshInterval { get; set; } = TimeSpan.FromHours(24);

    /// <summary>A token signed with an unknown key makes the bot read the metadata again, at most this often.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan MetadataMinimumRefreshInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Conversations whose replies are sent at once; replies of one conversation keep their order.</summary>
    [Range(1, 64)]
    public int Workers { get; set; } = 4;

    /// <summary>Attempts per outbound activity when the connector answers 429, 412, 502 or 504.</summary>
    [Range(1, 10)]
    public int MaxAttempts { get; set; } = 5;

    /// <summary>The first backoff; it doubles per attempt, with jitter.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest the bot waits before a retry; a longer <c>Retry-After</c> gives the activity up.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>On when an app id is configured or <see cref="Enabled"/> is set.</summary>
    public bool IsOn => Enabled || HasAppId;

    public bool HasAppId => !string.IsNullOrWhiteSpace(AppId);

    /// <summary>The authority outbound tokens are requested from.</summary>
    public Uri EffectiveAuthority => Authority
        ?? new Uri("https://login.microsoftonline.com/" + (string.IsNullOrWhiteSpace(TenantId) ? MultiTenantAuthorityTenant : TenantId.Trim()));
}
