using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using RecipeBot.Storage;

namespace RecipeBot;

/// <summary><c>/health</c> (liveness, with the database's state) and <c>/health/ready</c> (503 unless the database can be used).</summary>
internal static class HealthEndpoints
{
    public static void MapHealth(this WebApplication app)
    {
        // The process answers: a monitor sees what the database is doing without the instance being taken out.
        app.MapGet("/health", async (StorageHealth storage, CancellationToken cancellationToken) =>
            Results.Ok(new { status = "ok", database = await DatabaseAsync(storage, cancellationToken).ConfigureAwait(false) }));
        // A load balancer sends nothing here while the schema is being migrated or the database does not answer.
        app.MapGet("/health/ready", async (StorageHealth storage, CancellationToken cancellationToken) =>
        {
            var database = await DatabaseAsync(storage, cancellationToken).ConfigureAwait(false);
            return database == "ok"
                ? Results.Ok(new { status = "ready", database })
                : Results.Json(new { status = "unavailable", database }, statusCode: StatusCodes.Status503ServiceUnavailable);
        });
    }

    /// <summary><c>ok</c>, <c>unreachable</c>, <c>migrating</c> or <c>not-migrated</c>.</summary>
    private static async Task<string> DatabaseAsync(StorageHealth storage, CancellationToken cancellationToken) => storage.Schema switch
    {
        SchemaState.Migrating => "migrating",
        SchemaState.NotMigrated => "not-migrated",
        _ => await storage.IsReachableAsync(cancellationToken).ConfigureAwait(false) ? "ok" : "unreachable",
    };
}
