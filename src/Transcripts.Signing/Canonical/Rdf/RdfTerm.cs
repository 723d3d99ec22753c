namespace Transcripts.Signing.Canonical.Rdf;

/// <summary>A node or literal of an RDF 1.1 dataset (RDF 1.1 Concepts §3).</summary>
internal abstract record RdfTerm;

/// <summary>An absolute IRI, held without angle brackets.</summary>
internal sealed record Iri(string Value) : RdfTerm
{
    public override string ToString() => "<" + Value + ">";
}

/// <summary>A blank node, held by its label without the <c>_:</c> prefix.</summary>
internal sealed record BlankNode(string Label) : RdfTerm
{
    public override string ToString() => "_:" + Label;
}

/// <summary>
/// A literal: lexical form, datatype IRI and, for <c>rdf:langString</c>, a language tag.
/// </summary>
internal sealed record Literal(string LexicalForm, string Datatype, string? Language = null) : RdfTerm
{
    public const string XsdString = "http://www.w3.org/2001/XMLSchema#string";
    public const string RdfLangString = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString";
}

/// <summary>
/// One statement of a dataset. <see cref="Graph"/> is <see langword="null"/> for the default graph.
/// The predicate is a term rather than an IRI so that generalized RDF (blank-node predicates) can be held.
/// </summary>
internal sealed record Quad(RdfTerm Subject, RdfTerm Predicate, RdfTerm Object, RdfTerm? Graph);
