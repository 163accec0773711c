using System.Text.Json.Nodes;

namespace RecipeBot.Channels.Telegram.Tests.Fakes;

/// <summary>What <see cref="FakeBotApiServer"/> answers when no test handler does: a small, faithful Bot API.</summary>
internal sealed class FakeBotBehaviour(FakeUpdateQueue updates, TimeProvider timeProvider)
{
    // Telegram holds a poll up to 50 s; tests have no such patience.
    private static readonly TimeSpan MaxLongPoll = TimeSpan.FromSeconds(2);

    private readonly Lock _gate = new();
    private readonly Dictionary<(long Chat, long User), string> _members = [];
    private long _lastMessageId;
    private string _webhookUrl = "";
    private JsonNode? _webhookAllowedUpdates;

    public async Task<FakeResponse> RespondAsync(RecordedRequest request, CancellationToken cancellationToken) =>
        request.Method.ToLowerInvariant() switch
        {
            "getupdates" => await GetUpdatesAsync(request, cancellationToken),
            "getme" => FakeResponse.OkJson(BotUser().ToJsonString()),
            "sendmessage" => SendMessage(request),
            "senddocument" => SendDocument(request),
            "answercallbackquery" or "editmessagereplymarkup" or "setmycommands" => FakeResponse.OkJson("true"),
            "setwebhook" => SetWebhook(request),
            "deletewebhook" => DeleteWebhook(request),
            "getwebhookinfo" => WebhookInfo(),
            "getchatmember" => GetChatMember(request),
            _ => FakeResponse.Error(404, "Not Found"),
        };

    public static JsonObject BotUser() => new()
    {
        ["id"] = FakeBotApiServer.BotUserId,
        ["is_bot"] = true,
        ["first_name"] = "RecipeBot",
        ["username"] = FakeBotApiServer.BotUsername,
    };

    private async Task<FakeResponse> GetUpdatesAsync(RecordedRequest request, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_webhookUrl.Length > 0)
            {
                return FakeResponse.Error(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
            }
        }

        var timeout = TimeSpan.FromSeconds(request.Int64Parameter("timeout") ?? 0);
        var limit = (int)Math.Clamp(request.Int64Parameter("limit") ?? 100, 1, 100);
        var wait = timeout < MaxLongPoll ? timeout : MaxLongPoll;
        var batch = await updates.TakeAsync(request.Int64Parameter("offset"), limit, wait, cancellationToken);
        return FakeResponse.OkJson($"[{string.Join(',', batch)}]");
    }

    private FakeResponse SendMessage(RecordedRequest request)
    {
        if (request.Parameter("chat_id") is null)
        {
            return FakeResponse.Error(400, "Bad Request: chat_id is empty");
        }

        if (string.IsNullOrEmpty(request.Parameter("text")))
        {
            return FakeResponse.Error(400, "Bad Request: message text is empty");
        }

        var message = NewMessage(request);
        message["text"] = request.Parameter("text");
        if (request.ParameterJson("reply_markup") is { } markup)
        {
            message["reply_markup"] = JsonNode.Parse(markup.GetRawText());
        }

        return FakeResponse.OkJson(message.ToJsonString());
    }

    private FakeResponse SendDocument(RecordedRequest request)
    {
        if (request.Parameter("chat_id") is null)
        {
            return FakeResponse.Error(400, "Bad Request: chat_id is empty");
        }

        if (request.FileFor("document") is not { } file)
        {
            return FakeResponse.Error(400, "Bad Request: there is no document in the request");
        }

        var message = NewMessage(request);
        message["document"] = new JsonObject
        {
            ["file_id"] = $"fake-file-{message["message_id"]}",
            ["file_unique_id"] = $"fake-unique-{message["message_id"]}",
            ["file_name"] = file.FileName,
            ["file_size"] = file.Content.Length,
        };
        if (request.Parameter("caption") is { } caption)
        {
            message["caption"] = caption;
        }

        return FakeResponse.OkJson(message.ToJsonString());
    }

    /// <summary>What getChatMember answers for a user of a chat from now on.</summary>
    public void SetChatMember(long chatId, long userId, string status)
    {
        lock (_gate)
        {
            _members[(chatId, userId)] = status;
        }
    }

    /// <summary>The status set with <see cref="SetChatMember"/>; anyone else is a plain member, as in a group everyone writes in.</summary>
    private FakeResponse GetChatMember(RecordedRequest request)
    {
        if (request.Int64Parameter("chat_id") is not { } chatId)
        {
            return FakeResponse.Error(400, "Bad Request: chat_id is empty");
        }

        if (request.Int64Parameter("user_id") is not { } userId)
        {
            return FakeResponse.Error(400, "Bad Request: user_id is empty");
        }

        string status;
        lock (_gate)
        {
            status = _members.GetValueOrDefault((chatId, userId), "member");
        }

        var member = new JsonObject
        {
            ["status"] = status,
            ["user"] = new JsonObject { ["id"] = userId, ["is_bot"] = false, ["first_name"] = "Tester" },
        };
        return FakeResponse.OkJson(member.ToJsonString());
    }

    private FakeResponse SetWebhook(RecordedRequest request)
    {
        if (string.IsNullOrEmpty(request.Parameter("url")))
        {
            return DeleteWebhook(request);
        }

        lock (_gate)
        {
            _webhookUrl = request.Parameter("url")!;
            _webhookAllowedUpdates = request.ParameterJson("allowed_updates") is { } allowed ? JsonNode.Parse(allowed.GetRawText()) : null;
        }

        DropPendingUpdatesIfAsked(request);
        return FakeResponse.OkJson("true");
    }

    private FakeResponse DeleteWebhook(RecordedRequest request)
    {
        lock (_gate)
        {
            _webhookUrl = "";
            _webhookAllowedUpdates = null;
        }

        DropPendingUpdatesIfAsked(request);
        return FakeResponse.OkJson("true");
    }

    private FakeResponse WebhookInfo()
    {
        lock (_gate)
        {
            var info = new JsonObject
            {
                ["url"] = _webhookUrl,
                ["has_custom_certificate"] = false,
                ["pending_update_count"] = updates.Count,
            };
            if (_webhookAllowedUpdates is not null)
            {
                info["allowed_updates"] = _webhookAllowedUpdates.DeepClone();
            }

            return FakeResponse.OkJson(info.ToJsonString());
        }
    }

    private void DropPendingUpdatesIfAsked(RecordedRequest request)
    {
        if (request.BooleanParameter("drop_pending_updates") == true)
        {
            updates.Clear();
        }
    }

    private JsonObject NewMessage(RecordedRequest request)
    {
        // "@channel" names are valid chat ids too; the fake just cannot resolve them.
        var chatId = long.TryParse(request.Parameter("chat_id"), out var id) ? id : 0;
        return new JsonObject
        {
            ["message_id"] = Interlocked.Increment(ref _lastMessageId),
            ["from"] = BotUser(),
            ["chat"] = FakeUpdates.Chat(chatId),
            ["date"] = timeProvider.GetUtcNow().ToUnixTimeSeconds(),
        };
    }
}
