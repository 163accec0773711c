using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace RecipeBot.Channels.Telegram.Rehearsing;

/// <summary>
/// The Bot API as the rehearsal meets it, answered in the process: getUpdates hands out the updates queued for it, a
/// sent message is taken as Telegram takes it, anything else is answered <c>true</c>. Nothing leaves the machine; the
/// requests are read as Telegram would read them, so the last keyboard sent to each chat is known for the next press.
/// </summary>
internal sealed class RehearsalAnswers : HttpMessageHandler
{
    private readonly ConcurrentQueue<JsonObject> _updates = new();
    private readonly ConcurrentDictionary<long, string[]> _lastButtons = new();
    private readonly Dictionary<string, int> _calls = new(StringComparer.Ordinal);
    private readonly List<(string Method, int Times, TaskCompletionSource Signal)> _watches = [];
    private readonly Lock _lock = new();
    private int _messageId;

    /// <summary>How many calls of <paramref name="method"/> were answered.</summary>
    public int Calls(string method)
    {
        lock (_lock)
        {
            return _calls.GetValueOrDefault(method);
        }
    }

    /// <summary>Completes once <paramref name="method"/> was answered <paramref name="times"/> times.</summary>
    public Task WhenCalledAsync(string method, int times, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (_calls.GetValueOrDefault(method) >= times)
            {
                return Task.CompletedTask;
            }

            var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _watches.Add((method, times, signal));
            return signal.Task.WaitAsync(cancellationToken);
        }
    }

    public void Queue(JsonObject update) => _updates.Enqueue(update);

    /// <summary>The callback data of the buttons of the last message sent to <paramref name="chatId"/> (none when it had none).</summary>
    public IReadOnlyList<string> LastButtons(long chatId) => _lastButtons.GetValueOrDefault(chatId) ?? [];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var method = request.RequestUri?.Segments[^1] ?? string.Empty;
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var result = method switch
        {
            "getUpdates" => TakeUpdates(),
            "sendMessage" => Sent(body),
            _ => "true",
        };
        Count(method);
        return new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StringContent($$"""{"ok":true,"result":{{result}}}""", Encoding.UTF8, "application/json"),
        };
    }

    private void Count(string method)
    {
        lock (_lock)
        {
            var calls = _calls[method] = _calls.GetValueOrDefault(method) + 1;
            _watches.RemoveAll(watch =>
            {
                if (watch.Method != method || calls < watch.Times)
                {
                    return false;
                }

                watch.Signal.TrySetResult();
                return true;
            });
        }
    }

    private string TakeUpdates()
    {
        var updates = new JsonArray();
        while (_updates.TryDequeue(out var update))
        {
            updates.Add(update);
        }

        return updates.ToJsonString();
    }

    private string Sent(string? body)
    {
        var request = body is null ? null : JsonNode.Parse(body);
        var chatId = request?["chat_id"]?.GetValue<long>() ?? 0;
        var rows = request?["reply_markup"]?["inline_keyboard"]?.AsArray() ?? [];
        _lastButtons[chatId] = [.. rows.SelectMany(row => row?.AsArray() ?? []).Select(button => button?["callback_data"]?.GetValue<string>()).OfType<string>()];

        var message = new JsonObject
        {
            ["message_id"] = Interlocked.Increment(ref _messageId),
            ["date"] = 0,
            ["chat"] = new JsonObject { ["id"] = chatId, ["type"] = "private" },
        };
        return message.ToJsonString();
    }
}
