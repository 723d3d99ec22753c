using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;

namespace Transcripts.Api.Data;

/// <summary>For <c>dotnet ef migrations add … --context PostgresTranscriptsDb</c>; never connects.</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresTranscriptsDb>
{
    public PostgresTranscriptsDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresTranscriptsDb>().UseNpgsql("Host=localhost;Database=transcripts").UseApplicationServiceProvider(DesignTimeServices.Instance).Options,
            new AuditContext(TimeProvider.System, null));
}
