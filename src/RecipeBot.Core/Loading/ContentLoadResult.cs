using RecipeBot.Core.Content;

namespace RecipeBot.Core.Loading;

/// <summary>What was loaded (null when the flow itself could not be read) and every problem found.</summary>
public sealed record ContentLoadResult(ContentSet? Content, IReadOnlyList<ContentProblem> Problems);
