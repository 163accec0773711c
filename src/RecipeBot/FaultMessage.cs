using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using RecipeBot.Core.Loading;

namespace RecipeBot;

/// <summary>An exception that stopped the bot, as one line for stderr: what is wrong and where to look, no stack trace.</summary>
internal static partial class FaultMessage
{
    public static string Describe(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var e = Unwrap(exception);
        if (e is AggregateException { InnerExceptions.Count: > 1 } several)
        {
            // The start-up validator reports every failing section at once.
            return Join(several.InnerExceptions.Select(Describe));
        }

        var text = e switch
        {
            StartupException => e.Message,
            OptionsValidationException options => Join(options.Failures.Select(f => Failure(options.OptionsType, f))),
            ContentException { Problems: [var first, ..] } content =>
                $"the content has {content.Problems.Count} problem(s), the first: {first}; 'validate' lists them all",
            SqliteException sqlite => $"the database {DatabaseCheck.Problem(sqlite)}",
            Storage.Migrations.StorageMigrationException => e.Message,
            // The configuration binder's "Failed to convert configuration value '…' at 'Section:Key' to type '…'." names the setting.
            InvalidOperationException { InnerException: not null } when e.Message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal) => e.Message,
            _ => $"{e.Message} ({e.GetType().Name}{Where(e)})",
        };
        return NewLines().Replace(text, " ").Trim();
    }

    /// <summary>Several problems on one line: "A must be …; B must be …".</summary>
    private static string Join(IEnumerable<string> parts)
    {
        var list = parts.Select(p => p.TrimEnd('.', ' ')).ToList();
        return list.Count == 1 ? list[0] + "." : string.Join("; ", list) + ".";
    }

    private static Exception Unwrap(Exception exception)
    {
        var e = exception;
        while (e is AggregateException { InnerExceptions.Count: 1 } or TargetInvocationException && e.InnerException is { } inner)
        {
            e = inner;
        }

        return e;
    }

    /// <summary>"DataAnnotation validation failed for 'X' members: 'Workers' with the error: '…'." → "Telegram:Workers: …".</summary>
    private static string Failure(Type optionsType, string failure)
    {
        if (DataAnnotationFailure().Match(failure) is not { Success: true } match)
        {
            return failure;
        }

        var error = match.Groups["error"].Value;
        var section = optionsType.GetField("SectionName", BindingFlags.Public | BindingFlags.Static)?.GetValue(null) as string;
        return section is null || error.Contains(section + ":", StringComparison.Ordinal)
            ? error
            : $"{section}:{match.Groups["member"].Value}: {error}";
    }

    private static string Where(Exception e) =>
        e.TargetSite is { DeclaringType: { } type } method ? $" in {type.Name}.{method.Name}" : string.Empty;

    [GeneratedRegex(@"^DataAnnotation validation failed for '[^']*' members: '(?<member>[^']*)' with the error: '(?<error>.*)'\.$", RegexOptions.Singleline)]
    private static partial Regex DataAnnotationFailure();

    [GeneratedRegex(@"\s*[\r\n]+\s*")]
    private static partial Regex NewLines();
}
