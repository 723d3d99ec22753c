using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using static System.Buffers.Text.Base64Url;

namespace Transcripts.Api.Tests.Features.Web;

/// <summary>
/// A passkey authenticator in software for the TestServer tests: one discoverable ES256 credential, attestation "none", user
/// presence and verification always set, a signature counter that counts up. It answers the options JSON the pages hand out
/// with the JSON a browser's <c>navigator.credentials.create/get</c> would post, so the real Identity ceremonies check it.
/// </summary>
public sealed class SoftAuthenticator : IDisposable
{
    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly byte[] _credentialId = RandomNumberGenerator.GetBytes(16);
    private string? _userHandle;
    private uint _counter;

    public string CredentialId => EncodeToString(_credentialId);

    /// <summary>The attestation for these creation options, made in <paramref name="origin"/> (change the challenge to forge one).</summary>
    public string Create(string optionsJson, string origin, Func<string, string>? challenge = null)
    {
        var options = JsonNode.Parse(optionsJson)!;
        _userHandle = (string)options["user"]!["id"]!;
        var clientData = ClientData("webauthn.create", (challenge ?? (c => c))((string)options["challenge"]!), origin);
        var p = _key.ExportParameters(false);
        byte[] cose = [0xA5, 0x01, 0x02, 0x03, 0x26, 0x20, 0x01, 0x21, 0x58, 0x20, .. p.Q.X!, 0x22, 0x58, 0x20, .. p.Q.Y!];
        var authData = AuthData((string)options["rp"]!["id"]!, 0x45,
            [.. new byte[16], (byte)(_credentialId.Length >> 8), (byte)_credentialId.Length, .. _credentialId, .. cose]);
        byte[] attestation = [0xA3, .. Text("fmt"), .. Text("none"), .. Text("attStmt"), 0xA0, .. Text("authData"), 0x59,
            (byte)(authData.Length >> 8), (byte)authData.Length, .. authData];
        return Json(new JsonObject
        {
            ["clientDataJSON"] = EncodeToString(clientData), ["attestationObject"] = EncodeToString(attestation), ["transports"] = new JsonArray("internal"),
        });
    }

    /// <summary>The assertion for these request options, made in <paramref name="origin"/>.</summary>
    public string Get(string optionsJson, string origin, string rpId = "localhost")
    {
        var options = JsonNode.Parse(optionsJson)!;
        var clientData = ClientData("webauthn.get", (string)options["challenge"]!, origin);
        var authData = AuthData((string?)options["rpId"] ?? rpId, 0x05, []);
        var signature = _key.SignData([.. authData, .. SHA256.HashData(clientData)], HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        return Json(new JsonObject
        {
            ["clientDataJSON"] = EncodeToString(clientData), ["authenticatorData"] = EncodeToString(authData),
            ["signature"] = EncodeToString(signature), ["userHandle"] = _userHandle,
        });
    }

    private string Json(JsonObject response) => new JsonObject
    {
        ["id"] = CredentialId, ["rawId"] = CredentialId, ["type"] = "public-key", ["response"] = response,
        ["clientExtensionResults"] = new JsonObject(), ["authenticatorAttachment"] = "platform",
    }.ToJsonString();

    private byte[] AuthData(string rpId, byte flags, byte[] attested)
    {
        var counter = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(counter, ++_counter);
        return [.. SHA256.HashData(Encoding.UTF8.GetBytes(rpId)), flags, .. counter, .. attested];
    }

    private static byte[] ClientData(string type, string challenge, string origin) =>
        JsonSerializer.SerializeToUtf8Bytes(new { type, challenge, origin, crossOrigin = false });

    private static byte[] Text(string s) => [(byte)(0x60 + s.Length), .. Encoding.ASCII.GetBytes(s)];

    public void Dispose() => _key.Dispose();
}
