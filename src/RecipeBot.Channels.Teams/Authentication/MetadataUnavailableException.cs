namespace RecipeBot.Channels.Teams.Authentication;

/// <summary>The OpenID metadata could not be read and no earlier copy is at hand: no token can be checked.</summary>
public sealed class MetadataUnavailableException : Exception
{
    public MetadataUnavailableException()
    {
    }

    public MetadataUnavailableException(string message)
        : base(message)
    {
    }

    public MetadataUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
