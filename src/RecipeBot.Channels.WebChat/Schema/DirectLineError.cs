using Microsoft.AspNetCore.Http;

namespace RecipeBot.Channels.WebChat.Schema;

/// <summary>Direct Line's error body: <c>{"error": {"code": …, "message": …}}</c>.</summary>
public static class DirectLineError
{
    public static IResult Result(int statusCode, string code, string message) =>
        Results.Json(new { error = new { code, message } }, DirectLineJson.Options, statusCode: statusCode);

    public static IResult BadArgument(string message) => Result(StatusCodes.Status400BadRequest, "BadArgument", message);
}
