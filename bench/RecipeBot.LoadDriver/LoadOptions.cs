using System.Globalization;

namespace RecipeBot.LoadDriver;

/// <summary>The driver's command line; anything of the form <c>--Section:Key=value</c> goes to the bot unchanged.</summary>
public sealed record LoadOptions
{
    public const string Usage = """
        RecipeBot.LoadDriver: simulated Telegram users against the real bot through a loopback fake Bot API.

          --users <n>                 simulated users, one private chat each (default 2000)
          --seconds <n>               measured seconds (default 20)
          --warmup <n>                seconds before measuring (default 15: the JIT tiers up for ~20 s)
          --think-ms <n>              a user's mean pause between a reply and their next update (default 0:
                                      a closed loop at full speed; the pause varies ±50 % so users do not march in step)
          --mode polling|webhook      how updates reach the bot (default polling)
          --api-delay-ms <n>          the fake holds each Bot API answer (not getUpdates) this long, like
                                      Telegram's round trip from a real server (default 0: loopback speed)
          --webhook-connections <n>   concurrent webhook posts, Telegram's max_connections (default 40)
          --telegram-limits           keep Telegram's sending limits (default: lifted for a capacity run)
          --keep-db                   keep the SQLite file and print where it is
          --calibrate                 instead: the cost of single Bot API calls (the bot's client against the fake)
          --reminders [n]             instead: n meetings in n private chats whose 1-hour reminders all fall due at one
                                      minute, through a fake that enforces Telegram's limits (default n 10000;
                                      see docs/reminder-load.md)
          --due-after <s>             reminders: they fall due at the first whole minute at least this long after
                                      the meetings are written (default 60)
          --timeout-minutes <n>       reminders: give up this long after the due time (default 15)
          --api-latency-ms <n>        the same as --api-delay-ms
          --Section:Key=value         passed to the bot, e.g. --Telegram:Workers=16 --Storage:Provider=memory
        """;

    public int Users { get; init; } = 2000;

    public int Seconds { get; init; } = 20;

    public int WarmupSeconds { get; init; } = 15;

    public int ThinkMilliseconds { get; init; }

    public string Mode { get; init; } = "polling";

    public int ApiDelayMilliseconds { get; init; }

    public int WebhookConnections { get; init; } = 40;

    public bool TelegramLimits { get; init; }

    public bool KeepDatabase { get; init; }

    public bool Calibrate { get; init; }

    /// <summary>Set: a reminder run with this many meetings instead of simulated users.</summary>
    public int? Reminders { get; init; }

    public int DueAfterSeconds { get; init; } = 60;

    public int TimeoutMinutes { get; init; } = 15;

    public IReadOnlyList<string> BotArguments { get; init; } = [];

    public bool UsesWebhook => Mode == "webhook";

    /// <summary>The options, or null with <paramref name="error"/> set when the command line is not understood.</summary>
    public static LoadOptions? Parse(IReadOnlyList<string> args, out string? error)
    {
        var options = new LoadOptions();
        var bot = new List<string>();
        error = null;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            string Next() => i + 1 < args.Count ? args[++i] : throw new FormatException($"{arg} needs a value.");
            try
            {
                options = arg switch
                {
                    "--users" => options with { Users = Positive(arg, Next()) },
                    "--seconds" => options with { Seconds = Positive(arg, Next()) },
                    "--warmup" => options with { WarmupSeconds = int.Parse(Next(), CultureInfo.InvariantCulture) },
                    "--think-ms" => options with { ThinkMilliseconds = int.Parse(Next(), NumberStyles.None, CultureInfo.InvariantCulture) },
                    "--api-delay-ms" or "--api-latency-ms" => options with { ApiDelayMilliseconds = int.Parse(Next(), NumberStyles.None, CultureInfo.InvariantCulture) },
                    "--reminders" => options with { Reminders = i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? Positive(arg, Next()) : 10_000 },
                    "--due-after" => options with { DueAfterSeconds = Positive(arg, Next()) },
                    "--timeout-minutes" => options with { TimeoutMinutes = Positive(arg, Next()) },
                    "--mode" => options with { Mode = ModeOf(Next()) },
                    "--webhook-connections" => options with { WebhookConnections = Positive(arg, Next()) },
                    "--telegram-limits" => options with { TelegramLimits = true },
                    "--keep-db" => options with { KeepDatabase = true },
                    "--calibrate" => options with { Calibrate = true },
                    _ when arg.StartsWith("--", StringComparison.Ordinal) && arg.Contains(':', StringComparison.Ordinal) => AddBotArgument(options, bot, arg),
                    _ => throw new FormatException($"Unknown option {arg}."),
                };
            }
            catch (FormatException e)
            {
                error = e.Message;
                return null;
            }
        }

        return options with { BotArguments = bot };
    }

    private static LoadOptions AddBotArgument(LoadOptions options, List<string> bot, string arg)
    {
        bot.Add(arg);
        return options;
    }

    private static string ModeOf(string value) =>
        value is "polling" or "webhook" ? value : throw new FormatException($"--mode must be polling or webhook, not '{value}'.");

    private static int Positive(string name, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new FormatException($"{name} must be a positive whole number, not '{value}'.");
}
