using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;

namespace Transcripts.Api.Data;

/// <summary>For <c>dotnet ef migrations add … --context SqliteTranscriptsDb</c>.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteTranscriptsDb>
{
    public SqliteTranscriptsDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteTranscriptsDb>().UseSqlite("Data Source=design.db").UseApplicationServiceProvider(DesignTimeServices.Instance).Options,
            new AuditContext(TimeProvider.System, null));
}
