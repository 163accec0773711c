using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using RecipeBot.Channels.Teams;
using RecipeBot.Channels.Teams.Receiving;
using RecipeBot.Channels.Telegram;
using RecipeBot.Channels.WebChat;
using RecipeBot.Channels.Telegram.Receiving;
using RecipeBot.Core;
using RecipeBot.Reminders;
using RecipeBot.Storage;

namespace RecipeBot;

/// <summary>The bot as a service: engine, storage, the configured channels and HTTP endpoints.</summary>
public static class BotApplication
{

    /// <summary>The composed application, or null when no channel is configured.</summary>
    /// <param name="args">Command-line settings (<c>--Section:Key=value</c>).</param>
    /// <param name="replaceServices">Runs after the composition; tests swap the clock here.</param>
    public static WebApplication? Create(string[] args, Action<IServiceCollection>? replaceServices = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = [HostPaths.NoConfigReload, .. args],
            ContentRootPath = HostPaths.ContentRoot(),
        });

        // Content, flow and the conversation engine.
        builder.Services.AddRecipeEngine();
        // Conversation state and channel bookkeeping: SQLite by default.
        builder.Services.AddStorage();
        // Telegram: long polling or webhook, when a token is configured.
        var telegram = builder.Services.AddTelegram(builder.Configuration);
        // Microsoft Teams (Bot Framework): /api/messages, when an app id (or the Emulator) is configured.
        var teams = builder.Services.AddTeams(builder.Configuration);
        // Web chat on the municipality's website: our own Direct Line 3.0 for Microsoft's Web Chat, when enabled.
        var webChat = builder.Services.AddWebChat(builder.Configuration);
        if (!telegram && !teams && !webChat)
        {
            return null;
        }

        // Meeting reminders, minutes follow-ups and next-step prompts: Quartz timers in the same database.
        builder.Services.AddReminders(builder.Configuration);
        replaceServices?.Invoke(builder.Services);

        var app = builder.Build();
        // Liveness with the database's state, and readiness for load balancers (503 while migrating or unreachable).
        app.MapHealth();
        if (telegram && app.Services.GetRequiredService<TelegramOptions>().UsesWebhook)
        {
            // Telegram's webhook posts.
            app.MapTelegramWebhook();
        }

        if (teams)
        {
            // The Bot Connector's activities.
            app.MapTeams();
        }

        if (webChat)
        {
            // The page, tokens, Direct Line and its WebSocket stream.
            app.MapWebChat();
        }

        // A database that is read-only, damaged, locked or out of reach stops the start, not the first turn.
        StartupChecks.CheckDatabase(app.Services);
        // Load the content and train (or load) the free-text model now, not on the first message:
        // a slow first turn would make Teams redeliver and Telegram users wait.
        StartupChecks.WarmUp(app.Services);
        // And rehearse a few turns, so that the first users after a start do not wait for the code to be compiled.
        StartupChecks.Rehearse(app.Services);
        return app;
    }
}
