namespace RecipeBot;

/// <summary><c>run</c>: the bot as a service on its configured channels.</summary>
internal static class RunCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        await using var app = BotApplication.Create(args);
        if (app is null)
        {
            await Console.Error.WriteLineAsync(
                "No channel is configured. Set Telegram__BotToken, Teams__AppId or WebChat__Enabled=true (see README.md), or talk to the bot in the terminal with 'chat'.").ConfigureAwait(false);
            return 2;
        }

        // The database and the content were checked as the application was composed; now every other setting.
        StartupChecks.ValidateSettings(app.Services);
        return await Cli.RunToEndAsync(app).ConfigureAwait(false);
    }
}
