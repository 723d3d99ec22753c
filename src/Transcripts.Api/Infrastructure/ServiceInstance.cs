using System.Security.Cryptography;

namespace Transcripts.Api.Infrastructure;

/// <summary>
/// This running instance of the service, as the others sharing its database know it: the name its claims on batch work
/// carry. Host and process id for the operator reading the table, and random bytes so a restarted process (which may get
/// the same process id) never takes the claims of its earlier life for its own.
/// </summary>
internal sealed class ServiceInstance
{
    public string Id { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6))}";
}
