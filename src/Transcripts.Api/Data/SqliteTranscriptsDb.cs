using Microsoft.EntityFrameworkCore;

namespace Transcripts.Api.Data;

/// <summary>The records database on SQLite, with its own migration set.</summary>
internal sealed class SqliteTranscriptsDb(DbContextOptions<SqliteTranscriptsDb> options, AuditContext audit)
    : TranscriptsDb(options, audit)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot order or compare DateTimeOffset text; store it as a sortable 64-bit number.
        configurationBuilder.Properties<DateTimeOffset>()
            .HaveConversion<Microsoft.EntityFrameworkCore.Storage.ValueConversion.DateTimeOffsetToBinaryConverter>();
    }
}
