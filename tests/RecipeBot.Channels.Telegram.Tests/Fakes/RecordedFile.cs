namespace RecipeBot.Channels.Telegram.Tests.Fakes;

/// <summary>A file part of a multipart/form-data request.</summary>
/// <param name="Name">The form field, e.g. "document".</param>
/// <param name="FileName">The file name the client sent.</param>
/// <param name="ContentType">The part's Content-Type.</param>
/// <param name="Content">The bytes as received.</param>
public sealed record RecordedFile(string Name, string FileName, string ContentType, byte[] Content);
