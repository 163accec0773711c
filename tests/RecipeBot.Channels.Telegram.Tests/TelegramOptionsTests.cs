using System.ComponentModel.DataAnnotations;

namespace RecipeBot.Channels.Telegram.Tests;

/// <summary>Telegram:Mode as people write it in an environment variable.</summary>
public sealed class TelegramOptionsTests
{
    private const string Token = "123456:AAAAAAAAAAAAAAAAAAAAAAAAAAAA";

    [Theory]
    [InlineData("polling", false)]
    [InlineData("Polling", false)]
    [InlineData("POLLING", false)]
    [InlineData("webhook", true)]
    [InlineData("Webhook", true)]
    [InlineData("WEBHOOK", true)]
    public void TheMode_IsReadInAnyCase(string mode, bool webhook)
    {
        var options = new TelegramOptions
        {
            BotToken = Token,
            Mode = mode,
            WebhookUrl = new Uri("https://bot.example.ee/"),
            WebhookSecret = "secret",
        };

        Assert.Empty(Validate(options));
        Assert.Equal(webhook, options.UsesWebhook);
    }

    [Theory]
    [InlineData("push")]
    [InlineData("poll")]
    public void AnyOtherMode_IsRefusedByName(string mode)
    {
        var options = new TelegramOptions { BotToken = Token, Mode = mode };

        Assert.Contains("Telegram:Mode must be 'polling' or 'webhook'.", Validate(options));
    }

    [Theory]
    [InlineData("https://api.telegram.org", true)]
    [InlineData("http://127.0.0.1:8081/", true)]
    [InlineData("https://proxy.example.ee/telegram", false)]
    [InlineData("https://proxy.example.ee/?key=1", false)]
    public void TheBaseUrl_MustBeAServersRoot_WhichIsAllTelegramBotKeeps(string baseUrl, bool valid)
    {
        var options = new TelegramOptions { BotToken = Token, BaseUrl = new Uri(baseUrl) };

        var errors = Validate(options);

        Assert.Equal(valid ? [] : ["Telegram:BaseUrl must be a server's root, such as https://api.telegram.org or http://127.0.0.1:8081."], errors);
    }

    private static List<string?> Validate(TelegramOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return [.. results.Select(r => r.ErrorMessage)];
    }
}
