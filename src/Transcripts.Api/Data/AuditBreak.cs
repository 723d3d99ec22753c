using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Transcripts.Api.Data.Entities;

namespace Transcripts.Api.Data;

internal sealed record AuditBreak(long Sequence, Guid EventId, string Reason);
