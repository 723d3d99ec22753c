using System.ComponentModel.DataAnnotations;

namespace Transcripts.Api.Data;

public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary><c>Sqlite</c> (embedded, the default) or <c>Postgres</c>.</summary>
    [Required, RegularExpression("^(Sqlite|Postgres)$")]
    public string Provider { get; set; } = "Sqlite";

    /// <summary>Where the SQLite file and uploaded evidence live.</summary>
    [Required]
    public string DataDirectory { get; set; } = "./data";

    /// <summary>The PostgreSQL connection string (a secret: never logged).</summary>
    public string? ConnectionString { get; set; }

    public bool IsPostgres => string.Equals(Provider, "Postgres", StringComparison.Ordinal);

    public string SqlitePath => Path.Combine(Path.GetFullPath(DataDirectory), "transcripts.db");
}
