using System.Globalization;
using Microsoft.AspNetCore.Http;
using RecipeBot.Channels.WebChat.Protection;
using RecipeBot.Channels.WebChat.Receiving;
using RecipeBot.Channels.WebChat.Schema;
using RecipeBot.Channels.WebChat.Sending;
using RecipeBot.Core.Conversations;

namespace RecipeBot.Channels.WebChat.DirectLine;

/// <summary>
/// Direct Line's activities: <c>POST …/activities</c> stores a visitor's message in the durable inbox and answers its
/// id (the reply follows in the transcript); <c>GET …/activities?watermark=</c> answers what came after the watermark,
/// at most <see cref="WebChatOptions.PageSize"/> at a time.
/// </summary>
internal static class DirectLineActivityEndpoints
{
    private const long MaxActivityBytes = 64 * 1024;

    public static async Task<IResult> PostAsync(
        string conversationId,
        HttpContext context,
        WebChatGuard guard,
        WebChatInbox inbox,
        WebChatInboxProcessor processor,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (guard.Check(context, conversationId, out var token) is { } refused)
        {
            return refused;
        }

        var (activity, error) = await DirectLineBody.ReadAsync<DirectLineActivity>(context, MaxActivityBytes, optional: false, cancellationToken).ConfigureAwait(false);
        if (error is not null)
        {
            return error;
        }

        if (string.IsNullOrEmpty(activity!.Type))
        {
            return DirectLineError.BadArgument("The activity has no type.");
        }

        var sequence = inbox.Next();
        var activityId = string.Concat(token!.ConversationId, "|", sequence.ToString(CultureInfo.InvariantCulture));
        if (activity.Type != DirectLineActivity.MessageType)
        {
            // Typing indicators and events are taken and let go: the bot acts on messages only.
            return Results.Json(new { id = activityId }, DirectLineJson.Options);
        }

        WebChatReceivedActivity.Complete(activity, token, activityId, time.GetUtcNow());
        var stored = await inbox.AddAsync(
            new WebChatDelivery(WebChatDelivery.MessageKind, token.ConversationId, token.UserId, token.Language, activity), cancellationToken).ConfigureAwait(false);
        processor.Signal(stored);
        return Results.Json(new { id = activityId }, DirectLineJson.Options);
    }

    public static async Task<IResult> GetAsync(string conversationId, HttpContext context, WebChatGuard guard, WebChatTranscript transcript, CancellationToken cancellationToken)
    {
        if (guard.Check(context, conversationId, out _) is { } refused)
        {
            return refused;
        }

        if (!TryWatermark(context.Request, out var watermark))
        {
            return DirectLineError.BadArgument("The watermark is not one this service gave.");
        }

        var (json, _, _) = await transcript.ReadAsync(ConversationKey.WebChat(conversationId).ToString(), watermark, cancellationToken).ConfigureAwait(false);
        return Results.Text(json, "application/json; charset=utf-8");
    }

    /// <summary>The <c>watermark</c> query value: absent or empty is the start, otherwise a number this service gave.</summary>
    public static bool TryWatermark(HttpRequest request, out long watermark)
    {
        ArgumentNullException.ThrowIfNull(request);
        watermark = 0;
        var text = request.Query["watermark"].ToString();
        return text.Length == 0 || (text.Length <= 19 && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out watermark));
    }
}
