using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;

namespace RecipeBot.EndToEnd.Tests.Crash;

/// <summary>Telegram's side of the webhook in the crash tests: a user's message as an update, posted until an instance takes it.</summary>
internal static class WebhookPost
{
    /// <summary>A private-chat message update without its <c>update_id</c> (added when posted).</summary>
    public static string Update(long chatId, long messageId, string text) => JsonSerializer.Serialize(new
    {
        message = new
        {
            message_id = messageId,
            date = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            chat = new { id = chatId, type = "private" },
            from = new { id = chatId, is_bot = false, first_name = "User", language_code = "en" },
            text,
        },
    });

    /// <summary>
    /// Posts the update until one of <paramref name="ports"/> answers 200, starting with the port the update id picks
    /// and going round (as Telegram retries, and a load balancer passes over a dead instance).
    /// </summary>
    public static async Task UntilTakenAsync(HttpClient http, IReadOnlyList<int> ports, string secret, long updateId, string update, CancellationToken cancellationToken)
    {
        var body = "{\"update_id\":" + updateId.ToString(CultureInfo.InvariantCulture) + "," + update[1..];
        for (var attempt = 0; ; attempt++)
        {
            var port = ports[(int)((updateId + attempt) % ports.Count)];
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, $"http://127.0.0.1:{port}/telegram/webhook")
                {
                    Content = new StringContent(body, Encoding.UTF8, "application/json"),
                };
                request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", secret);
                using var response = await http.SendAsync(request, cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
            {
            }

            if (attempt % ports.Count == ports.Count - 1)
            {
                // Every instance refused (starting, or killed): wait a moment before the next round.
                await Task.Delay(100, cancellationToken);
            }
        }
    }
}
