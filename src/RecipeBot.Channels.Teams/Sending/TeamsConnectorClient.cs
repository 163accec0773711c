using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using RecipeBot.Channels.Teams.Schema;

namespace RecipeBot.Channels.Teams.Sending;

/// <summary>
/// Posts activities to <c>{serviceUrl}/v3/conversations/{id}/activities</c> with the bot's token,
/// only to learned service URLs. 429, 412, 502 and 504 (and a lost connection) are retried with
/// exponential backoff and jitter, or after <c>Retry-After</c> when the connector names a time;
/// any other 4xx or 5xx is final.
/// </summary>
public sealed class TeamsConnectorClient(
    IHttpClientFactory httpClients,
    ITeamsTokenProvider tokens,
    TeamsServiceUrls serviceUrls,
    TeamsOptions options,
    TimeProvider time,
    ILogger<TeamsConnectorClient> logger)
{
    public const string HttpClientName = "RecipeBot.Teams.Connector";

    /// <summary>Sends <paramref name="activity"/> to the conversation; returns the id the connector gave it, if any.</summary>
    public async Task<string?> SendToConversationAsync(string serviceUrl, string conversationId, TeamsActivity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (!serviceUrls.IsLearned(serviceUrl))
        {
            throw new TeamsConnectorException($"Refusing to post to {serviceUrl}: no authenticated activity came from that service URL.");
        }

        var uri = new Uri($"{serviceUrl.TrimEnd('/')}/v3/conversations/{Uri.EscapeDataString(conversationId)}/activities");
        var http = httpClients.CreateClient(HttpClientName);
        for (var attempt = 1; ; attempt++)
        {
            var token = await tokens.GetTokenAsync(cancellationToken).ConfigureAwait(false);
            using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = JsonContent.Create(activity, options: TeamsJson.Options) };
            if (token is not null)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }

            HttpResponseMessage response;
            try
            {
                response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                if (attempt >= options.MaxAttempts)
                {
                    throw new TeamsConnectorException($"The connector at {serviceUrl} could not be reached after {attempt} attempts.", e);
                }

                var delay = Backoff(attempt);
                logger.LogWarning(e, "The connector at {ServiceUrl} could not be reached (attempt {Attempt}); retrying in {Delay}", serviceUrl, attempt, delay);
                await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
                continue;
            }

            using (response)
            {
                if (response.IsSuccessStatusCode)
                {
                    return await ActivityIdAsync(response, cancellationToken).ConfigureAwait(false);
                }

                var status = response.StatusCode;
                if (!IsRetryable(status) || attempt >= options.MaxAttempts)
                {
                    throw new TeamsConnectorException($"The connector answered {(int)status} {status} for conversation {conversationId} (attempt {attempt}).", status);
                }

                var delay = RetryAfter(response) is { } retryAfter ? retryAfter + Jitter(options.RetryBaseDelay / 4) : Backoff(attempt);
                if (delay > options.MaxRetryDelay)
                {
                    throw new TeamsConnectorException($"The connector answered {(int)status} and asked to wait {delay}, longer than Teams:MaxRetryDelay.", status);
                }

                logger.LogWarning("The connector answered {StatusCode} for conversation {ConversationId} (attempt {Attempt}); retrying in {Delay}", (int)status, conversationId, attempt, delay);
                await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Too many requests, a precondition (Teams' own throttling), a bad gateway or a gateway timeout: worth another try.</summary>
    public static bool IsRetryable(HttpStatusCode status) =>
        status is HttpStatusCode.TooManyRequests or HttpStatusCode.PreconditionFailed or HttpStatusCode.BadGateway or HttpStatusCode.GatewayTimeout;

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - time.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }

    /// <summary>base · 2^(attempt-1), ±25 % so that many senders do not retry in step.</summary>
    private TimeSpan Backoff(int attempt)
    {
        var nominal = options.RetryBaseDelay * Math.Pow(2, Math.Min(attempt - 1, 10));
        var jittered = nominal * (0.75 + (Random.Shared.NextDouble() * 0.5));
        return jittered < options.MaxRetryDelay ? jittered : options.MaxRetryDelay;
    }

    private static TimeSpan Jitter(TimeSpan max) => max * Random.Shared.NextDouble();

    private static async Task<string?> ActivityIdAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var body = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken).ConfigureAwait(false);
            return body.ValueKind == JsonValueKind.Object && body.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;
        }
        catch (Exception e) when (e is JsonException or NotSupportedException)
        {
            // The activity was taken; an unreadable answer changes nothing.
            return null;
        }
    }
}
