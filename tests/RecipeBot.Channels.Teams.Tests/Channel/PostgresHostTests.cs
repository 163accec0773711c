using System.Net;
using System.Text.Json;
using Npgsql;
using RecipeBot.Channels.Teams.Receiving;
using RecipeBot.Storage.Postgres;
using RecipeBot.Tests.Postgres;

namespace RecipeBot.Channels.Teams.Tests.Channel;

/// <summary>The real bot with <c>Storage:Provider=postgres</c>: it migrates an empty database, answers, and tells a load balancer when the database is gone.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresHostTests(PostgresServer server)
{
    [SkippableFact]
    public async Task OnAnEmptyDatabase_TheBotMigratesAnswersAndIsReady_AndIsNotReadyWhileTheDatabaseRefusesConnections()
    {
        var connectionString = server.CreateEmptyDatabase();
        var database = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        await using var bed = await TeamsTestBed.StartAsync("--Storage:Provider=postgres", $"--ConnectionStrings:Postgres={connectionString}");
        using var http = new HttpClient { BaseAddress = new Uri(bed.Bot.MessagesUrl, "/") };

        var greeting = await bed.ExchangeAsync(Activities.BotAdded(bed.ServiceUrl, "a:postgres", locale: "en-US"));

        Assert.StartsWith("Hello! I am RecipeBot.", greeting.Text, StringComparison.Ordinal);
        Assert.IsType<PostgresConversationStore>(bed.Bot.Conversations);
        Assert.NotNull(await bed.Bot.Conversations.LoadAsync(TeamsActivityHandler.ConversationId("a:postgres"), CancellationToken.None));
        Assert.Equal((HttpStatusCode.OK, "ok"), await GetAsync(http, "/health"));
        Assert.Equal((HttpStatusCode.OK, "ok"), await GetAsync(http, "/health/ready"));

        Admin($"ALTER DATABASE {database} ALLOW_CONNECTIONS false");
        Admin($"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{database}'");

        Assert.Equal((HttpStatusCode.ServiceUnavailable, "unreachable"), await GetAsync(http, "/health/ready"));
        Assert.Equal((HttpStatusCode.OK, "unreachable"), await GetAsync(http, "/health"));

        Admin($"ALTER DATABASE {database} ALLOW_CONNECTIONS true");
        // A pooled connection the server dropped fails once and is thrown away; the next is new.
        var ready = await GetAsync(http, "/health/ready");
        for (var attempt = 0; attempt < 3 && ready.Status != HttpStatusCode.OK; attempt++)
        {
            ready = await GetAsync(http, "/health/ready");
        }

        Assert.Equal((HttpStatusCode.OK, "ok"), ready);
    }

    private static async Task<(HttpStatusCode Status, string? Database)> GetAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(new Uri(path, UriKind.Relative));
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (response.StatusCode, body.RootElement.GetProperty("database").GetString());
    }

    private void Admin(string sql)
    {
        using var connection = new NpgsqlConnection(server.ConnectionString("postgres") + ";Pooling=false");
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
