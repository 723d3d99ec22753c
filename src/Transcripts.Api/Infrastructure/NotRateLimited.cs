namespace Transcripts.Api.Infrastructure;

/// <summary>Endpoint metadata: an anonymous endpoint that the public rate limit leaves alone (health probes).</summary>
internal sealed class NotRateLimited;
