using System.Text.Json;
using System.Text.Json.Nodes;

namespace RecipeBot.Channels.Teams.Tests.Channel;

/// <summary>Activities as Teams posts them (trimmed to what matters), as JSON objects a test can still change.</summary>
public static class Activities
{
    public const string BotId = "28:test-app-id";
    public const string BotName = "RecipeBot";
    public const string UserId = "29:user-anna";
    public const string TenantId = "tenant-kov";

    private static int _ids;

    public static string NewId() => $"activity-{Interlocked.Increment(ref _ids)}";

    public static JsonObject Message(string serviceUrl, string conversationId, string text, string? id = null, string locale = "en-US", string conversationType = "personal") =>
        Base("message", serviceUrl, conversationId, id, locale, conversationType, text);

    /// <summary>A button press: what Teams sends for a <c>messageBack</c> button (its text and value).</summary>
    public static JsonObject Press(string serviceUrl, string conversationId, JsonElement button, string? id = null, string conversationType = "personal")
    {
        var activity = Base("message", serviceUrl, conversationId, id, "en-US", conversationType, button.GetProperty("text").GetString());
        activity["value"] = JsonNode.Parse(button.GetProperty("value").GetRawText());
        return activity;
    }

    /// <summary>The bot was added to the conversation (membersAdded names the bot).</summary>
    public static JsonObject BotAdded(string serviceUrl, string conversationId, string locale = "en-US", string conversationType = "personal", string? id = null)
    {
        var activity = Base("conversationUpdate", serviceUrl, conversationId, id, locale, conversationType, null);
        activity["membersAdded"] = new JsonArray(new JsonObject { ["id"] = BotId, ["name"] = BotName });
        return activity;
    }

    public static JsonObject Mentioning(JsonObject message)
    {
        message["entities"] = new JsonArray(new JsonObject
        {
            ["type"] = "mention",
            ["text"] = $"<at>{BotName}</at>",
            ["mentioned"] = new JsonObject { ["id"] = BotId, ["name"] = BotName },
        });
        return message;
    }

    public static JsonObject Of(string type, string serviceUrl, string conversationId, string? name = null)
    {
        var activity = Base(type, serviceUrl, conversationId, null, "en-US", "personal", null);
        if (name is not null)
        {
            activity["name"] = name;
        }

        return activity;
    }

    private static JsonObject Base(string type, string serviceUrl, string conversationId, string? id, string locale, string conversationType, string? text)
    {
        var activity = new JsonObject
        {
            ["type"] = type,
            ["id"] = id ?? NewId(),
            ["timestamp"] = "2026-03-01T10:00:00.000Z",
            ["serviceUrl"] = serviceUrl,
            ["channelId"] = "msteams",
            ["from"] = new JsonObject { ["id"] = UserId, ["name"] = "Anna", ["aadObjectId"] = "00000000-0000-0000-0000-00000000a11a" },
            ["conversation"] = new JsonObject
            {
                ["id"] = conversationId,
                ["conversationType"] = conversationType,
                ["tenantId"] = TenantId,
                ["isGroup"] = conversationType != "personal",
            },
            ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = BotName },
            ["locale"] = locale,
            ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = TenantId } },
        };
        if (text is not null)
        {
            activity["text"] = text;
        }

        return activity;
    }
}
