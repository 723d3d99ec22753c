namespace Transcripts.Api.Data.Entities;

internal enum MasteryMethod
{
    MostRecent,
    Highest,
    Mean,
    DecayingAverage,
    PowerLaw,
    NTimesAtOrAboveMastery,
}
