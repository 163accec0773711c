using System.Text.Encodings.Web;
using System.Text.Json;
using RecipeBot.Channels.WebChat.Tokens;
using RecipeBot.Core.Content;

namespace RecipeBot.Channels.WebChat.Page;

/// <summary>
/// <c>GET /webchat</c>: a page with the municipality's name and colour that embeds Microsoft's Web Chat, in Estonian,
/// English or Russian (<c>?lang=</c>). It gets a token from <c>/webchat/token</c> and talks Direct Line to this
/// service. Configured values are HTML-encoded; the page's settings travel as JSON that cannot end its script.
/// </summary>
public static class WebChatPage
{
    public static string Render(ContentSet content, WebChatOptions options, string? requestedLanguage)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(options);
        var language = Languages.Normalize(requestedLanguage) is { Length: > 0 } chosen ? chosen : Languages.Default;
        var html = HtmlEncoder.Default;
        string Text(string key) => content.Text(key, language);
        var settings = JsonSerializer.Serialize(
            new
            {
                language,
                locale = Languages.Locale(language),
                accent = options.AccentColor,
                botName = options.MunicipalityName,
                placeholder = Text("webchat-placeholder"),
                tokenUrl = "token",
                directLinePath = "../v3/directline",
            },
            new JsonSerializerOptions(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.Default });
        var links = string.Join(
            " · ",
            Languages.All.Select(l => l == language
                ? $"<strong>{l.ToUpperInvariant()}</strong>"
                : $"<a href=\"?lang={l}\" hreflang=\"{l}\">{l.ToUpperInvariant()}</a>"));
        return $$"""
            <!DOCTYPE html>
            <html lang="{{language}}">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <link rel="icon" href="data:,">
            <title>{{html.Encode(options.MunicipalityName)}} · {{html.Encode(Text("webchat-title"))}}</title>
            <style>
              html, body { height: 100%; margin: 0; font-family: system-ui, sans-serif; }
              body { display: flex; flex-direction: column; }
              header { background: {{options.AccentColor}}; color: #fff; padding: 0.75rem 1rem; }
              header h1 { font-size: 1.25rem; margin: 0; }
              header p { margin: 0.25rem 0 0; }
              header nav { float: right; }
              header a { color: #fff; }
              #webchat { flex: 1; min-height: 0; }
              #webchat-error { padding: 1rem; }
            </style>
            </head>
            <body>
            <header>
              <nav aria-label="Language">{{links}}</nav>
              <h1>{{html.Encode(options.MunicipalityName)}} · {{html.Encode(Text("webchat-title"))}}</h1>
              <p>{{html.Encode(Text("webchat-intro"))}}</p>
            </header>
            <main id="webchat" role="main"></main>
            <p id="webchat-error" role="alert" hidden>{{html.Encode(Text("webchat-unavailable"))}}</p>
            <script id="webchat-settings" type="application/json">{{settings}}</script>
            <script src="{{html.Encode(options.EffectiveScriptUrl)}}"></script>
            <script>
            (async function () {
              const settings = JSON.parse(document.getElementById('webchat-settings').textContent);
              const base = new URL('webchat/', new URL(location.pathname.replace(/webchat\/?$/, ''), location.href));
              try {
                const answer = await fetch(new URL(settings.tokenUrl, base), {
                  method: 'POST',
                  headers: { 'Content-Type': 'application/json' },
                  body: JSON.stringify({ locale: settings.language })
                });
                if (!answer.ok) { throw new Error('token ' + answer.status); }
                const { token } = await answer.json();
                const directLine = window.WebChat.createDirectLine({
                  token,
                  domain: new URL(settings.directLinePath, base).href,
                  webSocket: true
                });
                window.WebChat.renderWebChat({
                  directLine,
                  locale: settings.locale,
                  overrideLocalizedStrings: { TEXT_INPUT_PLACEHOLDER: settings.placeholder },
                  styleOptions: {
                    accent: settings.accent,
                    botAvatarInitials: settings.botName.slice(0, 2).toUpperCase(),
                    suggestedActionLayout: 'flow',
                    hideUploadButton: true
                  }
                }, document.getElementById('webchat'));
              } catch (e) {
                document.getElementById('webchat-error').hidden = false;
              }
            })();
            </script>
            </body>
            </html>
            """;
    }
}
