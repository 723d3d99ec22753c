using Microsoft.AspNetCore.Identity;

namespace Transcripts.Api.Data;

/// <summary>
/// What the model reads from the application at design time: Identity's schema version (3, with passkeys), as the running
/// service sets it, so migrations and the service build the same model.
/// </summary>
internal static class DesignTimeServices
{
    public static readonly IServiceProvider Instance = new ServiceCollection()
        .Configure<IdentityOptions>(o => o.Stores.SchemaVersion = IdentitySchemaVersions.Version3)
        .BuildServiceProvider();
}
