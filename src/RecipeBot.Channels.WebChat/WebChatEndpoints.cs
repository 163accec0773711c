using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RecipeBot.Channels.WebChat.DirectLine;
using RecipeBot.Channels.WebChat.Page;
using RecipeBot.Channels.WebChat.Protection;
using RecipeBot.Core.Flow;

namespace RecipeBot.Channels.WebChat;

/// <summary>The web chat's HTTP surface: the page, its script, tokens, Direct Line 3.0 and its WebSocket stream.</summary>
public static class WebChatEndpoints
{
    /// <summary>Adds CORS and WebSockets to the pipeline and maps the endpoints.</summary>
    public static WebApplication MapWebChat(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // Read from configuration, not from the validated options: a bad setting must fail at start, with every problem listed.
        var configured = app.Services.GetRequiredService<IConfiguration>().GetSection(WebChatOptions.SectionName).Get<WebChatOptions>() ?? new WebChatOptions();
        app.UseCors();
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(30) });

        app.MapGet("/webchat", (HttpContext context, CompiledFlow flow, WebChatOptions options) =>
            Results.Content(WebChatPage.Render(flow.Content, options, context.Request.Query["lang"].ToString()), "text/html; charset=utf-8"));
        if (!string.IsNullOrWhiteSpace(configured.ScriptFile))
        {
            var script = Path.GetFullPath(configured.ScriptFile);
            app.MapGet(WebChatOptions.LocalScriptPath, () => Results.File(script, "text/javascript; charset=utf-8"));
        }

        app.MapPost("/webchat/token", DirectLineConversationEndpoints.IssueTokenAsync).RequireCors(WebChatOrigins.CorsPolicy);
        var directLine = app.MapGroup(DirectLineConversationEndpoints.BasePath).RequireCors(WebChatOrigins.CorsPolicy);
        directLine.MapPost("/conversations", DirectLineConversationEndpoints.StartAsync);
        directLine.MapGet("/conversations/{conversationId}", DirectLineConversationEndpoints.Reconnect);
        directLine.MapPost("/tokens/refresh", DirectLineConversationEndpoints.Refresh);
        directLine.MapPost("/conversations/{conversationId}/activities", DirectLineActivityEndpoints.PostAsync);
        directLine.MapGet("/conversations/{conversationId}/activities", DirectLineActivityEndpoints.GetAsync);
        directLine.MapGet("/conversations/{conversationId}/stream", DirectLineStream.AcceptAsync);
        return app;
    }
}
