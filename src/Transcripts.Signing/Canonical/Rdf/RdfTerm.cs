namespace Transcripts.Signing.Canonical.Rdf;

// Terms and quads are hashed many times in a canonicalization (the dataset is a set; blank nodes are looked up by
// label), so each remembers its hash code. Equality is by value, as for any record; the cached hash is not part of it.

/// <summary>A node or literal of an RDF 1.1 dataset (RDF 1.1 Concepts §3).</summary>
internal abstract record RdfTerm;

/// <summary>An absolute IRI, held without angle brackets.</summary>
internal sealed record Iri(string Value) : RdfTerm
{
    private int _hash;

    public override string ToString() => "<" + Value + ">";

    public bool Equals(Iri? other) =>
        ReferenceEquals(this, other) || (other is not null && string.Equals(Value, other.Value, StringComparison.Ordinal));

    public override int GetHashCode() => _hash != 0 ? _hash : _hash = HashCode.Combine(1, Value);
}

/// <summary>A blank node, held by its label without the <c>_:</c> prefix.</summary>
internal sealed record BlankNode(string Label) : RdfTerm
{
    private int _hash;

    public override string ToString() => "_:" + Label;

    public bool Equals(BlankNode? other) =>
        ReferenceEquals(this, other) || (other is not null && string.Equals(Label, other.Label, StringComparison.Ordinal));

    public override int GetHashCode() => _hash != 0 ? _hash : _hash = HashCode.Combine(2, Label);
}

/// <summary>
/// A literal: lexical form, datatype IRI and, for <c>rdf:langString</c>, a language tag.
/// </summary>
internal sealed record Literal(string LexicalForm, string Datatype, string? Language = null) : RdfTerm
{
    public const string XsdString = "http://www.w3.org/2001/XMLSchema#string";
    public const string RdfLangString = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString";

    private int _hash;

    public bool Equals(Literal? other) =>
        ReferenceEquals(this, other)
        || (other is not null && string.Equals(LexicalForm, other.LexicalForm, StringComparison.Ordinal)
            && string.Equals(Datatype, other.Datatype, StringComparison.Ordinal) && string.Equals(Language, other.Language, StringComparison.Ordinal));

    public override int GetHashCode() => _hash != 0 ? _hash : _hash = HashCode.Combine(3, LexicalForm, Datatype, Language);
}

/// <summary>
/// One statement of a dataset. <see cref="Graph"/> is <see langword="null"/> for the default graph.
/// The predicate is a term rather than an IRI so that generalized RDF (blank-node predicates) can be held.
/// </summary>
internal sealed record Quad(RdfTerm Subject, RdfTerm Predicate, RdfTerm Object, RdfTerm? Graph)
{
    private int _hash;

    public bool Equals(Quad? other) =>
        ReferenceEquals(this, other)
        || (other is not null && Subject.Equals(other.Subject) && Predicate.Equals(other.Predicate) && Object.Equals(other.Object)
            && Equals(Graph, other.Graph));

    public override int GetHashCode() => _hash != 0 ? _hash : _hash = HashCode.Combine(Subject, Predicate, Object, Graph);
}
