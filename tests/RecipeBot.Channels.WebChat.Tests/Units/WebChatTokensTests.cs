using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using RecipeBot.Channels.WebChat.Protection;
using RecipeBot.Channels.WebChat.Tokens;

namespace RecipeBot.Channels.WebChat.Tests.Units;

public sealed class WebChatTokensTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    private WebChatTokens Tokens(string? secret = "0123456789abcdef0123456789abcdef") =>
        new(new WebChatOptions { TokenSecret = secret, TokenLifetime = TimeSpan.FromMinutes(30) }, _time, NullLogger<WebChatTokens>.Instance);

    [Fact]
    public void AWrittenToken_ReadsBackTheSameGrant_UntilItExpires()
    {
        var tokens = Tokens();
        var issued = tokens.Issue("ru-RU");

        var fresh = tokens.Read(tokens.Write(issued), out var read);
        _time.Advance(TimeSpan.FromMinutes(30));
        var expired = tokens.Read(tokens.Write(issued), out var none);

        Assert.Equal(TokenCheck.Valid, fresh);
        Assert.Equal(issued with { ExpiresAt = DateTimeOffset.FromUnixTimeSeconds(issued.ExpiresAt.ToUnixTimeSeconds()) }, read);
        Assert.Equal("ru", read!.Language);
        Assert.Equal(TokenCheck.Expired, expired);
        Assert.Null(none);
    }

    [Fact]
    public void AToken_SignedWithAnotherKey_OrChanged_IsInvalid()
    {
        var ours = Tokens();
        var written = ours.Write(ours.Issue("et"));
        var parts = written.Split('.');

        Assert.Equal(TokenCheck.Invalid, Tokens("another-secret-of-32-characters-or-more").Read(written, out _));
        Assert.Equal(TokenCheck.Invalid, Tokens(secret: null).Read(written, out _));
        Assert.Equal(TokenCheck.Invalid, ours.Read($"v2.{parts[1]}.{parts[2]}", out _));
        Assert.Equal(TokenCheck.Invalid, ours.Read($"v1.{parts[1]}x.{parts[2]}", out _));
        Assert.Equal(TokenCheck.Invalid, ours.Read(written + ".", out _));
        Assert.Equal(TokenCheck.Invalid, ours.Read(new string('a', 600), out _));
    }

    [Fact]
    public void TheRateLimiter_CountsPerKeyAndMinute_AndSaysHowLongToWait()
    {
        var limiter = new WebChatRateLimiter(_time);

        var first = Enumerable.Range(0, 3).Select(_ => limiter.TryAcquire("a", 3, out TimeSpan _)).ToList();
        _time.Advance(TimeSpan.FromSeconds(20));
        var over = limiter.TryAcquire("a", 3, out var wait);
        var otherKey = limiter.TryAcquire("b", 3, out _);
        _time.Advance(TimeSpan.FromSeconds(40));
        var nextMinute = limiter.TryAcquire("a", 3, out _);

        Assert.All(first, Assert.True);
        Assert.False(over);
        Assert.Equal(TimeSpan.FromSeconds(40), wait);
        Assert.True(otherKey);
        Assert.True(nextMinute);
    }
}
