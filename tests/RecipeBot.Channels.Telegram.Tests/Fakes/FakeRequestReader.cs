using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace RecipeBot.Channels.Telegram.Tests.Fakes;

/// <summary>Reads a request the way the Bot API does: JSON body, urlencoded or multipart form, or query string.</summary>
internal static class FakeRequestReader
{
    public static async Task<RecordedRequest> ReadAsync(HttpRequest request, string method, DateTimeOffset at, CancellationToken cancellationToken)
    {
        // Buffered so the raw body can be recorded and still be parsed as a form afterwards.
        request.EnableBuffering();
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        request.Body.Position = 0;
        var bytes = buffer.ToArray();

        var form = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in request.Query)
        {
            form[key] = value.ToString();
        }

        var files = new Dictionary<string, RecordedFile>(StringComparer.Ordinal);
        JsonElement? json = null;
        if (IsJson(request.ContentType) && bytes.Length > 0)
        {
            json = TryParse(bytes);
        }
        else if (request.HasFormContentType)
        {
            var fields = await request.ReadFormAsync(cancellationToken);
            foreach (var (key, value) in fields)
            {
                form[key] = value.ToString();
            }

            foreach (var file in fields.Files)
            {
                using var content = new MemoryStream();
                await file.CopyToAsync(content, cancellationToken);
                files[file.Name] = new RecordedFile(file.Name, file.FileName, file.ContentType ?? "", content.ToArray());
            }
        }

        return new RecordedRequest(method, request.ContentType ?? "", Encoding.UTF8.GetString(bytes), json, form, at) { Files = files, ContentLength = request.ContentLength };
    }

    private static bool IsJson(string? contentType) =>
        contentType is not null && contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase);

    private static JsonElement? TryParse(byte[] bytes)
    {
        try
        {
            using var document = JsonDocument.Parse(bytes);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            // Recorded with Json null; the test can still look at Body.
            return null;
        }
    }
}
