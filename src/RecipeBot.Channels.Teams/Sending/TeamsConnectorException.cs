using System.Net;

namespace RecipeBot.Channels.Teams.Sending;

/// <summary>The Bot Connector did not take an activity (after any retries), or the bot refused to send it.</summary>
public sealed class TeamsConnectorException : Exception
{
    public TeamsConnectorException()
    {
    }

    public TeamsConnectorException(string message)
        : base(message)
    {
    }

    public TeamsConnectorException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public TeamsConnectorException(string message, HttpStatusCode statusCode)
        : base(message) => StatusCode = statusCode;

    /// <summary>The connector's last answer; null when no answer came (or nothing was sent).</summary>
    public HttpStatusCode? StatusCode { get; }
}
