namespace RecipeBot.Channels.Teams.Authentication;

/// <summary>What one reading of the OpenID metadata yielded: the keys by id and the signing algorithms allowed.</summary>
public sealed record SigningKeySet(IReadOnlyDictionary<string, SigningKey> Keys, IReadOnlyList<string> Algorithms, DateTimeOffset FetchedAt);
