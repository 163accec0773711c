using System.Text.Json;

namespace RecipeBot.Storage;

/// <summary>
/// A status as every database stores it: the member name in kebab case (<c>sent-late</c>), as the draft JSON writes
/// enums. SQL names some of them; renaming a member needs a migration.
/// </summary>
internal static class StoredStatus
{
    public static string Text<T>(T value)
        where T : struct, Enum => JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());

    public static T Parse<T>(string text)
        where T : struct, Enum => Enum.GetValues<T>().Single(value => Text(value) == text);
}
