// The plumbing shared by every Data Integrity cryptosuite (VC Data Integrity 1.0 §4, and the suite specs
// vc-di-eddsa §3 and vc-di-ecdsa §3). A suite is one small subclass: its name, the key types it accepts, the
// hash, and how it canonicalizes a JSON object. DataIntegrityProof runs the algorithm around it:
//   proofConfig   = CreateProofConfiguration(proof options, document @context)
//   hashData      = Hash(Canonicalize(proofConfig), CanonicalizeDocument(…))  — H(proof) ‖ H(unsecured document)
//   proofValue    = EncodeProofValue(key.Sign(hashData))                      — multibase base58btc
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Transcripts.Signing.Keys;

namespace Transcripts.Signing.Proofs;

internal abstract class Cryptosuite
{
    /// <summary>The proof type this suite produces and accepts.</summary>
    public const string DataIntegrityProofType = "DataIntegrityProof";

    /// <summary>The <c>cryptosuite</c> value, e.g. <c>eddsa-jcs-2022</c> (for legacy proof types, the type name).</summary>
    public abstract string Name { get; }

    /// <summary>The proof <c>type</c>; legacy suites such as Ed25519Signature2020 override it.</summary>
    public virtual string ProofType => DataIntegrityProofType;

    /// <summary>Whether a signed proof repeats the document's <c>@context</c> (the JCS suites do; RDFC suites do not).</summary>
    public virtual bool ProofIncludesContext => false;

    /// <summary>Whether proofs of this suite are only verified, never created (legacy proof types, which <see cref="CryptosuiteRegistry.Find"/> never returns for signing because signing asks for a DataIntegrityProof).</summary>
    public virtual bool IsVerifyOnly => false;

    /// <summary>Whether <paramref name="keyType"/> is a key this suite signs and verifies with.</summary>
    public abstract bool Supports(KeyType keyType);

    /// <summary>Canonical bytes of <paramref name="json"/>; applied to both the document and the proof configuration.</summary>
    /// <exception cref="SigningException">The input cannot be canonicalized.</exception>
    public abstract byte[] Canonicalize(JsonObject json, CryptosuiteContext context);

    /// <summary>The hash for <paramref name="keyType"/>: SHA-256, or SHA-384 for P-384.</summary>
    public virtual HashAlgorithmName HashAlgorithm(KeyType keyType) =>
        keyType == KeyType.P384 ? HashAlgorithmName.SHA384 : HashAlgorithmName.SHA256;

    /// <summary>
    /// The canonical unsecured document: <paramref name="document"/> without its <c>proof</c>, with <c>@context</c>
    /// replaced by <paramref name="context"/> when that is not null (VC Data Integrity §4.4 step 6), and with <c>proof</c>
    /// set to <paramref name="previousProofs"/> when this proof chains to earlier ones (§4.5). The default builds that
    /// document and calls <see cref="Canonicalize"/>; the JCS suites canonicalize in place without copying.
    /// </summary>
    public virtual byte[] CanonicalizeDocument(JsonObject document, JsonNode? context, JsonArray? previousProofs, CryptosuiteContext cryptosuiteContext)
    {
        var unsecured = JsonCopy.Of(document, except: "proof");
        if (context is not null)
        {
            unsecured["@context"] = JsonCopy.Of(context);
        }
        if (previousProofs is not null)
        {
            unsecured["proof"] = previousProofs;
        }
        return Canonicalize(unsecured, cryptosuiteContext);
    }

    /// <summary>
    /// The proof configuration: the proof options without <c>proofValue</c>, with the unsecured document's
    /// <c>@context</c> when it has one (vc-di-eddsa §3.3.5, vc-di-ecdsa §3.3.5). <paramref name="proofOptions"/> is a private copy.
    /// </summary>
    public virtual JsonObject CreateProofConfiguration(JsonObject proofOptions, JsonNode? documentContext)
    {
        proofOptions.Remove("proofValue");
        if (documentContext is not null)
        {
            proofOptions["@context"] = JsonCopy.Of(documentContext);
        }
        return proofOptions;
    }

    /// <summary>hashData = H(canonical proof configuration) ‖ H(canonical document) (vc-di-eddsa §3.3.4).</summary>
    public byte[] Hash(byte[] canonicalProofConfiguration, byte[] canonicalDocument, KeyType keyType) =>
        HashData(canonicalProofConfiguration, HashOf(HashAlgorithm(keyType), canonicalDocument), keyType);

    /// <summary>hashData = H(canonical proof configuration) ‖ <paramref name="documentHash"/>, from <see cref="HashDocument"/>.</summary>
    public byte[] HashData(byte[] canonicalProofConfiguration, byte[] documentHash, KeyType keyType) =>
        [.. HashOf(HashAlgorithm(keyType), canonicalProofConfiguration), .. documentHash];

    /// <summary>
    /// H(canonical unsecured document), the second half of hashData, for the document <see cref="CanonicalizeDocument"/>
    /// describes. The default hashes its bytes; the RDF suites hash the canonical N-Quads as they are written instead.
    /// </summary>
    public virtual byte[] HashDocument(JsonObject document, JsonNode? context, JsonArray? previousProofs, CryptosuiteContext cryptosuiteContext) =>
        HashOf(HashAlgorithm(cryptosuiteContext.KeyType), CanonicalizeDocument(document, context, previousProofs, cryptosuiteContext));

    /// <summary>The <c>proofValue</c> of a signature: multibase base58btc.</summary>
    public virtual string EncodeProofValue(byte[] signature) => Encoding.Multibase.EncodeBase58Btc(signature);

    /// <summary>The signature in a <c>proofValue</c>.</summary>
    /// <exception cref="SigningException">The value is not base58btc multibase.</exception>
    public virtual byte[] DecodeProofValue(string proofValue) => Encoding.Multibase.Decode(proofValue, Encoding.Multibase.Base58BtcPrefix);

    private static byte[] HashOf(HashAlgorithmName algorithm, byte[] data) =>
        algorithm == HashAlgorithmName.SHA384 ? SHA384.HashData(data) : SHA256.HashData(data);
}
