using Microsoft.EntityFrameworkCore;

namespace Transcripts.Api.Data;

/// <summary>The records database on PostgreSQL, with its own migration set.</summary>
internal sealed class PostgresTranscriptsDb(DbContextOptions<PostgresTranscriptsDb> options, AuditContext audit)
    : TranscriptsDb(options, audit);
