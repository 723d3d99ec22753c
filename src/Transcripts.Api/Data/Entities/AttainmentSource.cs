namespace Transcripts.Api.Data.Entities;

internal enum AttainmentSource
{
    Rule,
    Award,
}
