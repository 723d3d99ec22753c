// Bitstring Status List v1.0 §2.2 BitstringStatusListCredential and §3.2 validate: a verifier uses a list credential only
// when its issuer is the issuer of the credential whose status it reads, and only within the list's validity period.
// This file is the one place where a copy of a list is judged: when it may be used (signed by the issuer, not expired),
// and which of two copies wins (the newer by validFrom; an older copy never replaces a newer one, an expired one never wins).
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Transcripts.Signing.Verification;

namespace Transcripts.Signing.StatusLists;

/// <summary>A verified <c>BitstringStatusListCredential</c>: its id, issuer, purpose, validity period and decoded bits.</summary>
public sealed class StatusListCredential
{
    private StatusListCredential(JsonObject credential, string id, string issuer, string purpose, DateTimeOffset? validFrom,
        DateTimeOffset? validUntil, BitstringStatusList list)
    {
        Credential = credential;
        Id = id;
        Issuer = issuer;
        Purpose = purpose;
        ValidFrom = validFrom;
        ValidUntil = validUntil;
        List = list;
    }

    /// <summary>The signed list credential, as received.</summary>
    public JsonObject Credential { get; }

    /// <summary>The credential's <c>id</c>: the URL credentials name in <c>statusListCredential</c>.</summary>
    public string Id { get; }

    /// <summary>The issuer's id.</summary>
    public string Issuer { get; }

    /// <summary>The list's <c>statusPurpose</c> (<c>revocation</c>, <c>suspension</c>, …).</summary>
    public string Purpose { get; }

    /// <summary>When the issuer signed this state of the list (<c>validFrom</c>); the newer copy is the later one.</summary>
    public DateTimeOffset? ValidFrom { get; }

    /// <summary>When this copy stops being usable (<c>validUntil</c>); after it, a verifier cannot tell the status from it.</summary>
    public DateTimeOffset? ValidUntil { get; }

    /// <summary>The decoded bits.</summary>
    public BitstringStatusList List { get; }

    /// <summary>Whether the copy is past its <see cref="ValidUntil"/> at <paramref name="now"/>.</summary>
    public bool IsExpiredAt(DateTimeOffset now) => ValidUntil is { } until && now > until;

    /// <summary>Whether this copy states a later state of the list than <paramref name="other"/> (none counts as older).</summary>
    public bool IsNewerThan(StatusListCredential? other) =>
        other is null || (ValidFrom ?? DateTimeOffset.MinValue) > (other.ValidFrom ?? DateTimeOffset.MinValue);

    /// <summary>
    /// The copy to use of two copies of one list: <paramref name="kept"/> (a verifier's cache) unless <paramref name="offered"/>
    /// (fetched, or stapled by a holder) is newer and not expired at <paramref name="now"/>. So a holder cannot replace a
    /// newer list with an older one they kept from before a revocation, and a refresh never goes back in time.
    /// </summary>
    public static StatusListCredential? Choose(StatusListCredential? kept, StatusListCredential? offered, DateTimeOffset now) =>
        offered is not null && !offered.IsExpiredAt(now) && offered.IsNewerThan(kept) ? offered : kept;

    /// <summary>
    /// Checks that <paramref name="credential"/> is the list credential <paramref name="id"/> of <paramref name="issuer"/>: its
    /// structure and proof verify under <paramref name="options"/> (their trusted issuers are replaced by <paramref name="issuer"/>
    /// alone), and its list decodes. Its validity period is not judged here: an expired copy is returned, and the status
    /// step reports it as "cannot tell" (see <see cref="IsExpiredAt"/>).
    /// </summary>
    /// <param name="credential">The list credential as received.</param>
    /// <param name="id">The <c>statusListCredential</c> URL the credential being checked names.</param>
    /// <param name="issuer">The issuer of the credential being checked: the list must be signed by it.</param>
    /// <param name="options">Keys and time for the proof.</param>
    /// <param name="list">The usable copy, or null.</param>
    /// <param name="reason">Why the copy cannot be used, or an empty string.</param>
    public static bool TryVerify(JsonObject credential, string id, string issuer, VerificationOptions options,
        [NotNullWhen(true)] out StatusListCredential? list, out string reason)
    {
        ArgumentNullException.ThrowIfNull(credential);
        ArgumentNullException.ThrowIfNull(options);
        list = null;
        var report = CredentialVerifier.Verify(credential, options with
        {
            TrustedIssuers = new HashSet<string>(StringComparer.Ordinal) { issuer },
            StatusLists = null,
            StatusListCredentials = null,
            StatusRequiredIssuers = null,
        });
        if (report.Checks.FirstOrDefault(c => c.Status != CheckStatus.Passed && c.Name != CheckNames.Validity) is { } problem)
        {
            reason = $"{problem.Name} — {problem.Reason}";
            return false;
        }
        if (Text(credential, "id") != id || !HasType(credential, "BitstringStatusListCredential"))
        {
            reason = $"it is not the BitstringStatusListCredential {id}.";
            return false;
        }
        var subject = credential["credentialSubject"] as JsonObject;
        var purpose = subject is null ? null : Text(subject, "statusPurpose");
        if (purpose is null || !BitstringStatusList.TryDecode(Text(subject!, "encodedList"), out var bits))
        {
            reason = "its statusPurpose or encodedList is missing or cannot be decoded.";
            return false;
        }
        if (!TryDate(credential, "validFrom", out var from) || !TryDate(credential, "validUntil", out var until))
        {
            reason = "its validFrom or validUntil is not a date and time.";
            return false;
        }
        list = new StatusListCredential(credential, id, issuer, purpose, from, until, bits!);
        reason = "";
        return true;
    }

    private static bool HasType(JsonObject credential, string type) => credential["type"] switch
    {
        JsonArray a => a.Any(t => t is JsonValue v && v.GetValueKind() == JsonValueKind.String && v.GetValue<string>() == type),
        JsonValue v => v.GetValueKind() == JsonValueKind.String && v.GetValue<string>() == type,
        _ => false,
    };

    private static bool TryDate(JsonObject credential, string name, out DateTimeOffset? value)
    {
        value = null;
        if (credential[name] is null)
        {
            return true;
        }
        if (Text(credential, name) is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
        {
            value = parsed;
            return true;
        }
        return false;
    }

    private static string? Text(JsonObject obj, string name) =>
        obj[name] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
}
