using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Transcripts.Api.Data.Entities;

namespace Transcripts.Api.Features.Credentials;

/// <summary>
/// The learner's OB 3.0 <c>IdentityObject</c>s (OB 3.0 §B.1.9) under an institution's <see cref="CredentialPolicy"/>: the
/// name in plain text (a person must be able to read whose credential it is), and the learner's system identifier hashed
/// (default), in plain text, or left out. A hashed identifier is an OB 3.0 <c>IdentityHash</c>: <c>sha256$</c> and the
/// lowercase hex SHA-256 of the UTF-8 identifier followed by the salt, with a fresh 128-bit salt per credential, so two
/// credentials of one learner cannot be linked by it; whoever knows the identifier can still check it against the hash.
/// </summary>
internal static class LearnerIdentity
{
    public const string HashPrefix = "sha256$";

    public static JsonArray Identifiers(Learner learner, CredentialPolicy policy)
    {
        var identifiers = new JsonArray(
            new JsonObject { ["type"] = "IdentityObject", ["identityHash"] = learner.Name, ["identityType"] = "name", ["hashed"] = false });
        var systemId = AchievementCredentialBuilder.Urn(learner.Id);
        switch (policy.LearnerIdentifier)
        {
            case IdentifierModes.Plain:
                identifiers.Add(new JsonObject
                {
                    ["type"] = "IdentityObject", ["identityHash"] = systemId, ["identityType"] = "systemId", ["hashed"] = false,
                });
                break;
            case IdentifierModes.Hashed:
                var salt = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
                identifiers.Add(new JsonObject
                {
                    ["type"] = "IdentityObject", ["identityHash"] = Hash(systemId, salt), ["identityType"] = "systemId", ["hashed"] = true,
                    ["salt"] = salt,
                });
                break;
            default:
                break;   // omitted: the name alone
        }
        return identifiers;
    }

    /// <summary>The OB 3.0 IdentityHash of <paramref name="identifier"/> with <paramref name="salt"/> appended.</summary>
    public static string Hash(string identifier, string salt) =>
        HashPrefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identifier + salt)));
}
