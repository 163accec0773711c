namespace RecipeBot.Channels.Teams.Tests.Fakes;

/// <summary>An answer the fake connector gives instead of 201: a status code and, optionally, <c>Retry-After</c> in seconds.</summary>
public sealed record ScriptedAnswer(int StatusCode, int? RetryAfterSeconds = null);
