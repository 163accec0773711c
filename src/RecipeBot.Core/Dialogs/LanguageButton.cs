namespace RecipeBot.Core.Dialogs;

/// <summary>A language offered by <c>/lang</c> without an argument: <c>lang:{code}</c>.</summary>
public readonly record struct LanguageButton(string Language)
{
    public const string Prefix = "lang:";

    public string Id => Prefix + Language;

    public static bool TryParse(string id, out LanguageButton button)
    {
        button = default;
        if (!id.StartsWith(Prefix, StringComparison.Ordinal) || id.Length == Prefix.Length)
        {
            return false;
        }

        button = new LanguageButton(id[Prefix.Length..]);
        return true;
    }
}
