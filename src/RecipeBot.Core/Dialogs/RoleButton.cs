namespace RecipeBot.Core.Dialogs;

/// <summary>
/// A button of "who are you?", asked before a situation whose answer depends on the role:
/// <c>role:{role}:{situation}</c>. Pressed later, it still means what it said.
/// </summary>
public readonly record struct RoleButton(string Role, string Situation)
{
    public const string Prefix = "role:";

    public string Id => string.Concat(Prefix, Role, ":", Situation);

    public static bool TryParse(string id, out RoleButton button)
    {
        button = default;
        if (!id.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var colon = id.IndexOf(':', Prefix.Length);
        if (colon <= Prefix.Length || colon == id.Length - 1)
        {
            return false;
        }

        button = new RoleButton(id[Prefix.Length..colon], id[(colon + 1)..]);
        return true;
    }
}
