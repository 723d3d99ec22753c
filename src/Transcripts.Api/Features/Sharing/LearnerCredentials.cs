using System.Text;
using Microsoft.EntityFrameworkCore;
using Transcripts.Api.Data;
using Transcripts.Api.Data.Entities;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.Sharing;

/// <summary>Reads a learner's chosen credentials for the caller, and writes them out as stored.</summary>
internal static class LearnerCredentials
{
    /// <summary>The learner if the caller may see them; the credentials, or the first id that is not theirs.</summary>
    public static async Task<(Learner? Learner, List<Credential> Credentials, Guid? Missing)> LoadAsync(TranscriptsDb db, CurrentCaller caller,
        Guid learnerId, IReadOnlyList<Guid>? ids, CancellationToken cancellationToken)
    {
        var learner = await db.Learners.AsNoTracking().SingleOrDefaultAsync(l => l.Id == learnerId, cancellationToken);
        if (learner is null || !caller.CanSee(learner))
        {
            return (null, [], null);
        }
        var credentials = await db.Credentials.AsNoTracking().Where(c => c.LearnerId == learnerId).ToListAsync(cancellationToken);
        if (ids is null)
        {
            return (learner, credentials.OrderBy(c => c.IssuedAt).ThenBy(c => c.Id).ToList(), null);
        }
        var missing = ids.FirstOrDefault(id => credentials.All(c => c.Id != id));
        return (learner, ids.Distinct().Select(id => credentials.FirstOrDefault(c => c.Id == id)).OfType<Credential>().ToList(),
            missing == Guid.Empty ? null : missing);
    }

    /// <summary>A JSON array of the credentials, each exactly as signed.</summary>
    public static byte[] AsArray(IEnumerable<Credential> credentials)
    {
        using var output = new MemoryStream();
        output.WriteByte((byte)'[');
        var first = true;
        foreach (var credential in credentials)
        {
            if (!first)
            {
                output.WriteByte((byte)',');
            }
            output.Write(credential.Bytes);
            first = false;
        }
        output.WriteByte((byte)']');
        return output.ToArray();
    }

    /// <summary>An unsigned Verifiable Presentation (VC 2.0 §4.13) of the credentials, ready for a wallet.</summary>
    public static byte[] AsPresentation(IEnumerable<Credential> credentials) =>
        [.. Encoding.UTF8.GetBytes("""{"@context":["https://www.w3.org/ns/credentials/v2"],"type":["VerifiablePresentation"],"verifiableCredential":"""),
         .. AsArray(credentials), (byte)'}'];
}
