namespace RecipeBot.Core.Content;

/// <summary>
/// A short answer to a question people ask in their own words ("what is AVP KOV?", "how do we join the network?"),
/// from <c>cards.yaml</c>; its free-text intent is <see cref="IntentId"/>.
/// </summary>
public sealed record ReferenceCard(string Id, Localized<string> Title, Localized<string> Text, SourceLocation Location)
{
    public const string IntentPrefix = "card/";

    public string IntentId => IntentPrefix + Id;
}
