using System.Text;
using System.Text.Json;
using RecipeBot.Core.Engine;

namespace RecipeBot.Channels.Terminal.Tests;

/// <summary>Files the terminal is sent: written under the attachments folder, named by <c>path</c>, gone with the chat's farewell.</summary>
public sealed class TerminalFilesTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("recipebot-files-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task InJsonLines_AFile_IsWrittenAndItsPathGiven_AndTheFarewellDeletesTheChatsFiles()
    {
        var writer = new StringWriter();
        using var output = new TerminalOutput(writer);
        var sender = new TerminalChannelSender(output, new TerminalOptions { JsonLines = true, AttachmentsPath = _directory });
        var content = Encoding.UTF8.GetBytes("""{"conversationId":"terminal:anna/../x"}""");
        var export = new OutgoingMessage("terminal:anna/../x", "Here is everything.", [], [], "language", "en",
            Attachment: new MessageAttachment("recipebot-data-2026-11-22.json", "application/json", content));

        await sender.SendAsync(export, CancellationToken.None);

        using var line = JsonDocument.Parse(writer.ToString());
        var path = line.RootElement.GetProperty("attachment").GetProperty("path").GetString()!;
        Assert.StartsWith(Path.GetFullPath(_directory) + Path.DirectorySeparatorChar, path, StringComparison.Ordinal);
        Assert.EndsWith("recipebot-data-2026-11-22.json", path, StringComparison.Ordinal);
        Assert.Equal(content, await File.ReadAllBytesAsync(path));

        await sender.SendAsync(export with { Text = "Erased.", Attachment = null, Farewell = true }, CancellationToken.None);

        Assert.False(File.Exists(path));
        Assert.Empty(Directory.EnumerateFileSystemEntries(_directory));
    }
}
