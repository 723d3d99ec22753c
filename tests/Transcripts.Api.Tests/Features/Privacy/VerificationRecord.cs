using System.Net.Http.Json;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Transcripts.Signing.Keys;
using Transcripts.Signing.Tokens;

namespace Transcripts.Api.Tests.Features.Privacy;

/// <summary>Opens a transcript's record behind the public page, as the page's script does with the QR token.</summary>
public static class VerificationRecord
{
    /// <summary>
    /// A token for the transcript: the server only checks that it was made for this signed credential (its SHA-256); the
    /// signature is the page's and the verifier's to check, so a throw-away key signs it here.
    /// </summary>
    public static async Task<string> TokenAsync(TranscriptsApp app, Guid credentialId)
    {
        var sha256 = await app.WithDbAsync(db => db.Credentials.Where(c => c.Id == credentialId).Select(c => c.Sha256).SingleAsync());
        using var key = Ed25519KeyPair.Generate();
        return TranscriptToken.Create("did:example:test#key", "urn:uuid:" + credentialId, "Ελένη Παπαδοπούλου",
            new DateOnly(2026, 9, 1), Convert.FromHexString(sha256), key);
    }

    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, Guid credentialId, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/v/{credentialId}/record");
        if (token is not null)
        {
            request.Headers.Add("X-Transcript-Token", token);
        }
        return await client.SendAsync(request);
    }

    /// <summary>The record's HTML, for the holder of a matching token.</summary>
    public static async Task<string> OpenAsync(TranscriptsApp app, HttpClient client, Guid credentialId)
    {
        var response = await PostAsync(client, credentialId, await TokenAsync(app, credentialId));
        return (await Seeded.Json(response)).GetProperty("html").GetString()!;
    }
}
