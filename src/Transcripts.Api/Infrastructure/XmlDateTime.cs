using System.Globalization;

namespace Transcripts.Api.Infrastructure;

/// <summary>Dates in credentials and DID documents: XML Schema dateTime in UTC with whole seconds (VC 2.0 §4.9).</summary>
internal static class XmlDateTime
{
    public static string Format(DateTimeOffset value) =>
        value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
