using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Transcripts.Api.Infrastructure;

/// <summary>
/// The service's own meter and activity source (<see cref="Name"/>): credentials issued by kind (a batch's
/// progress is its transcripts), verifications by outcome. Tags are fixed words (a kind, a status, an outcome), never an id, a name or a token.
/// </summary>
internal sealed class ServiceMetrics
{
    public const string Name = "Transcripts.Api";

    public static readonly ActivitySource Source = new(Name);

    private readonly Counter<long> _issued;
    private readonly Counter<long> _verifications;

    public ServiceMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(Name);
        _issued = meter.CreateCounter<long>("transcripts.credentials.issued", "{credential}", "Credentials signed and stored, by kind.");
        _verifications = meter.CreateCounter<long>("transcripts.verifications", "{verification}", "Credentials and presentations verified, by outcome.");
    }

    /// <param name="kind">A credential kind: achievement, transcript, vc-api.</param>
    public void CredentialIssued(string kind) => _issued.Add(1, new KeyValuePair<string, object?>("kind", kind));

    /// <param name="what">credential or presentation.</param>
    /// <param name="outcome">verified or failed.</param>
    public void Verified(string what, string outcome) =>
        _verifications.Add(1, new KeyValuePair<string, object?>("what", what), new KeyValuePair<string, object?>("outcome", outcome));
}
