using System.Text.Json;

namespace RecipeBot.Channels.Teams.Tests.Fakes;

/// <summary>One POST the fake connector received: the conversation it was for, its headers, its activity and the answer it got.</summary>
public sealed record RecordedActivity(string ConversationId, string? Authorization, JsonElement Activity, int AnsweredWith, TimeSpan At)
{
    public string? Text => Activity.TryGetProperty("text", out var text) ? text.GetString() : null;

    public string? ReplyToId => Activity.TryGetProperty("replyToId", out var id) ? id.GetString() : null;

    /// <summary>The buttons of every Hero card, in order.</summary>
    public IReadOnlyList<JsonElement> Buttons =>
        [.. Attachments.Where(a => a.GetProperty("contentType").GetString() == "application/vnd.microsoft.card.hero")
            .SelectMany(a => a.GetProperty("content").GetProperty("buttons").EnumerateArray())];

    /// <summary>Attachments that are files rather than cards (they have a content URL).</summary>
    public IReadOnlyList<JsonElement> Files => [.. Attachments.Where(a => a.TryGetProperty("contentUrl", out _))];

    private IEnumerable<JsonElement> Attachments =>
        Activity.TryGetProperty("attachments", out var attachments) ? attachments.EnumerateArray() : [];

    /// <summary>The button that sends <paramref name="choiceId"/>.</summary>
    public JsonElement Button(string choiceId) =>
        Buttons.FirstOrDefault(b => b.GetProperty("value").GetProperty("choice").GetString() == choiceId) is { ValueKind: JsonValueKind.Object } button
            ? button
            : throw new InvalidOperationException($"No button sends '{choiceId}'; the buttons are {string.Join(", ", Buttons.Select(b => b.GetProperty("text").GetString()))}.");
}
