using System.Security.Cryptography;
using System.Text;

namespace RecipeBot.Channels.Terminal;

/// <summary>
/// The files the terminal chat was sent, written under <see cref="TerminalOptions.AttachmentsPath"/> in a folder per chat,
/// so that a chat's erasure (<c>/forget</c>) removes its files with the folder.
/// </summary>
public sealed class TerminalFiles(TerminalOptions options)
{
    /// <summary>Writes <paramref name="content"/> as <paramref name="fileName"/> of <paramref name="chat"/>; returns its full path, or null when files are off.</summary>
    public async Task<string?> WriteAsync(string chat, string fileName, byte[] content, CancellationToken cancellationToken)
    {
        if (FolderOf(chat) is not { } folder)
        {
            return null;
        }

        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, Path.GetFileName(fileName));
        await File.WriteAllBytesAsync(path, content, cancellationToken).ConfigureAwait(false);
        return path;
    }

    /// <summary>Deletes every file of <paramref name="chat"/>.</summary>
    public void Forget(string chat)
    {
        if (FolderOf(chat) is { } folder && Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The chat's folder: its id where that is a safe name, else the safe part and a hash of the id.</summary>
    private string? FolderOf(string chat)
    {
        if (string.IsNullOrWhiteSpace(options.AttachmentsPath))
        {
            return null;
        }

        var safe = new string([.. chat.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_')]);
        if (safe != chat || safe.Length is 0 or > 64)
        {
            safe = string.Concat(safe.AsSpan(0, Math.Min(safe.Length, 48)), "-", Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(chat))).AsSpan(0, 12));
        }

        return Path.GetFullPath(Path.Combine(options.AttachmentsPath, safe));
    }
}
