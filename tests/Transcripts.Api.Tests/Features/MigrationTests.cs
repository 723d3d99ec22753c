using Microsoft.EntityFrameworkCore;

namespace Transcripts.Api.Tests.Features;

public abstract class MigrationTests(TranscriptsApp app)
{
    [SkippableFact]
    public async Task Migrations_match_the_model_and_are_all_applied()
    {
        var (pendingModel, pendingMigrations) = await app.WithDbAsync(async db =>
            (db.Database.HasPendingModelChanges(), (await db.Database.GetPendingMigrationsAsync()).ToList()));

        Assert.False(pendingModel, "The model has changed since the last migration: add one for each provider.");
        Assert.Empty(pendingMigrations);
    }

    public sealed class OnSqlite(SqliteApp app) : MigrationTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : MigrationTests(app), IClassFixture<PostgresApp>;
}
