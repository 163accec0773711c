namespace RecipeBot.Core.Dialogs;

/// <summary>The answer to "erase everything?": <c>forget:yes</c> or <c>forget:no</c>.</summary>
public static class ForgetButton
{
    public const string Prefix = "forget:";
    public const string Yes = Prefix + "yes";
    public const string No = Prefix + "no";
}
