namespace RecipeBot.Channels.Telegram.Api;

/// <summary>The envelope of every Bot API answer: <c>{"ok": true, "result": …}</c> or an error.</summary>
internal sealed record ApiResponse<T>(
    bool Ok,
    T? Result = default,
    int? ErrorCode = null,
    string? Description = null,
    ResponseParameters? Parameters = null);
