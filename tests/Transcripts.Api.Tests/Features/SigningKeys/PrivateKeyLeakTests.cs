using System.Net.Http.Json;
using System.Numerics;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace Transcripts.Api.Tests.Features.SigningKeys;

/// <summary>A full issuance run with every log level on: no private key, in any encoding, appears in a log line or a response.</summary>
public sealed class PrivateKeyLeakTests(VerboseSqliteApp app) : IClassFixture<VerboseSqliteApp>
{
    [Fact]
    public async Task No_private_key_or_the_kek_appears_in_logs_or_responses_of_a_full_issuance_run()
    {
        var seeded = await Seeded.CreateAsync(app);
        using var admin = app.CreateClientFor(seeded.School.Admin);
        using var registrar = app.CreateClientFor(seeded.School.Registrar);
        using var anonymous = app.CreateClient();
        var responses = new StringBuilder();
        async Task Record(Task<HttpResponseMessage> call)
        {
            var response = await call;
            responses.AppendLine(await response.Content.ReadAsStringAsync());
        }

        await Record(admin.PostAsJsonAsync("/signing-keys", new { keyType = "Ed25519" }));
        await Record(registrar.PostAsJsonAsync("/credentials/achievements", new { attainmentId = seeded.AttainmentId }));
        await Record(admin.PostAsJsonAsync("/signing-keys", new { keyType = "P256" }));
        var transcript = await Seeded.Json(await registrar.PostAsJsonAsync("/credentials/transcripts", new { learnerId = seeded.School.LearnerA }));
        var id = transcript.GetProperty("id").GetGuid();
        await Record(registrar.GetAsync($"/credentials/{id}"));
        await Record(registrar.PostAsJsonAsync($"/credentials/{id}/revoke", new { reason = "Issued in error" }));
        await Record(registrar.PostAsJsonAsync("/credentials/issue", new
        {
            credential = new { type = new[] { "VerifiableCredential" }, credentialSubject = new { id = "did:example:1" } },
        }));
        await Record(admin.GetAsync("/signing-keys"));
        await Record(anonymous.GetAsync($"/institutions/{seeded.School.Id}/trust-bundle"));
        await Record(registrar.GetAsync("/credentials/not-a-guid"));

        var keys = await app.WithDbAsync(db => db.SigningKeys.Where(k => k.InstitutionId == seeded.School.Id).ToListAsync());
        var haystack = app.Logs.All + "\n" + responses;
        Assert.Equal(3, keys.Count);   // the first, made when Seeded issued, then Ed25519 and P-256
        Assert.NotEmpty(app.Logs.Entries);
        var kek = Convert.FromBase64String(TranscriptsApp.Kek);
        // Rotation destroyed the two retired keys' private parts; what is left to leak is the active key and the KEK.
        Assert.Single(keys, k => k.HasPrivateKey);
        foreach (var secret in keys.Where(k => k.HasPrivateKey).Select(k => Open(k.Id, k.SealedPrivateKey)).Append(kek))
        {
            foreach (var form in Encodings(secret))
            {
                Assert.DoesNotContain(form, haystack, StringComparison.Ordinal);
            }
        }
    }

    private static byte[] Open(Guid id, byte[] sealedKey)
    {
        var plain = new byte[sealedKey.Length - 28];
        using var aes = new AesGcm(Convert.FromBase64String(TranscriptsApp.Kek), 16);
        aes.Decrypt(sealedKey.AsSpan(0, 12), sealedKey.AsSpan(28), sealedKey.AsSpan(12, 16), plain, id.ToByteArray());
        return plain;
    }

    private static IEnumerable<string> Encodings(byte[] secret)
    {
        var base64 = Convert.ToBase64String(secret);
        yield return base64.TrimEnd('=');
        yield return base64.TrimEnd('=').Replace('+', '-').Replace('/', '_');
        yield return Convert.ToHexStringLower(secret);
        yield return Convert.ToHexString(secret);
        yield return Base58(secret);
        // Multikey secret forms (multicodec ed25519-priv 0x1300, p256-priv 0x1306), multibase base58btc
        yield return "z" + Base58([0x80, 0x26, .. secret]);
        yield return "z" + Base58([0x86, 0x26, .. secret]);
    }

    private static string Base58(byte[] bytes)
    {
        const string Alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
        var value = new BigInteger(bytes, isUnsigned: true, isBigEndian: true);
        var text = new StringBuilder();
        while (value > 0)
        {
            text.Insert(0, Alphabet[(int)(value % 58)]);
            value /= 58;
        }
        foreach (var _ in bytes.TakeWhile(b => b == 0))
        {
            text.Insert(0, '1');
        }
        return text.ToString();
    }
}
