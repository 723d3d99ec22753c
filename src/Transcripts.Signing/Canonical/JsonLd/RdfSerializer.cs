using System.Text.Json.Nodes;
using Transcripts.Signing.Canonical.Rdf;
using static Transcripts.Signing.Canonical.JsonLd.JsonLdNodes;

namespace Transcripts.Signing.Canonical.JsonLd;

/// <summary>
/// JSON-LD 1.1 API §6.2.2 Deserialize JSON-LD to RDF, §6.2.3 Object to RDF Conversion and §6.2.4 List Conversion,
/// over a <see cref="NodeMap"/>. Relative IRIs, and blank-node predicates unless generalized RDF is asked for,
/// are skipped as the spec says; in safe mode they raise <see cref="SigningError.InvalidIri"/> instead.
/// </summary>
internal sealed class RdfSerializer(JsonLdRun run, NodeMap nodeMap)
{
    private const string Rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    private static readonly Iri s_type = new(Rdf + "type");
    private static readonly Iri s_first = new(Rdf + "first");
    private static readonly Iri s_rest = new(Rdf + "rest");
    private static readonly Iri s_nil = new(Rdf + "nil");

    private readonly List<Quad> _quads = [];

    // What a term is, for the message of a safe-mode failure: formatted only then, not for every term.
    private readonly record struct What(string Kind, string Name, string? Of = null)
    {
        public override string ToString() => Of is null ? $"{Kind} {Name}" : $"{Kind} {Name} of {Of}";
    }

    public List<Quad> Serialize()
    {
        foreach (var (graphName, graph) in nodeMap.Graphs.OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            RdfTerm? graphTerm = null;
            if (graphName != "@default")
            {
                graphTerm = Resource(graphName, new What("the graph name", graphName));
                if (graphTerm is null)
                {
                    continue;
                }
            }
            foreach (var (subject, node) in graph.OrderBy(n => n.Key, StringComparer.Ordinal))
            {
                var subjectTerm = Resource(subject, new What("the subject", subject));
                if (subjectTerm is not null)
                {
                    SerializeNode(subjectTerm, subject, node, graphTerm);
                }
            }
        }
        return _quads;
    }

    private void SerializeNode(RdfTerm subject, string subjectId, JsonObject node, RdfTerm? graph)
    {
        foreach (var (property, values) in node.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (property == "@type")
            {
                foreach (var type in ReadItems(values))
                {
                    var typeId = AsString(type)!;
                    if (Resource(typeId, new What("the type", typeId, subjectId)) is { } typeTerm)
                    {
                        Emit(subject, s_type, typeTerm, graph);
                    }
                }
                continue;
            }
            if (Iris.IsKeyword(property))
            {
                continue;
            }
            RdfTerm? predicate;
            if (Iris.IsBlankNode(property))
            {
                if (!run.Options.ProduceGeneralizedRdf)
                {
                    Unsafe($"The property {property} of {subjectId} is a blank node, which RDF does not allow as a predicate.");
                    continue;
                }
                predicate = new BlankNode(property[2..]);
            }
            else
            {
                predicate = Resource(property, new What("the property", property, subjectId));
                if (predicate is null)
                {
                    continue;
                }
            }
            foreach (var item in ReadItems(values))
            {
                if (ObjectToRdf(item, graph, new What("a value of", property, subjectId)) is { } obj)
                {
                    Emit(subject, predicate, obj, graph);
                }
            }
        }
    }

    private void Emit(RdfTerm subject, RdfTerm predicate, RdfTerm obj, RdfTerm? graph)
    {
        if (_quads.Count >= run.Limits.MaxNodes)
        {
            throw new SigningException(SigningError.DocumentTooComplex,
                $"The JSON-LD document produces more than {run.Limits.MaxNodes:N0} quads.");
        }
        _quads.Add(new Quad(subject, predicate, obj, graph));
    }

    private void Unsafe(string message, SigningError error = SigningError.InvalidIri)
    {
        if (run.Options.Safe)
        {
            throw new SigningException(error, message + " It would be dropped from the RDF dataset.");
        }
    }

    /// <summary>An IRI or blank node, or null (skipped) for a relative or malformed IRI.</summary>
    private RdfTerm? Resource(string id, What what)
    {
        if (Iris.IsBlankNode(id))
        {
            return new BlankNode(id[2..]);
        }
        if (Iris.IsWellFormedAbsolute(id))
        {
            return new Iri(id);
        }
        Unsafe($"The IRI of {what} is not absolute.");
        return null;
    }

    private RdfTerm? ObjectToRdf(JsonNode? item, RdfTerm? graph, What what)
    {
        if (item is not JsonObject obj)
        {
            return null;
        }
        if (obj.TryGetPropertyValue("@list", out var list))
        {
            return ListToRdf(Items(list), graph, what);
        }
        if (!obj.ContainsKey("@value"))
        {
            var id = AsString(obj["@id"]);
            return id is null ? null : Resource(id, what);
        }
        var literal = RdfLiterals.FromValueObject(obj, run.Options.RdfDirection, out var isCompound, out var problem);
        if (literal is null)
        {
            Unsafe($"The literal in {what} is malformed: {problem}.",
                problem!.StartsWith("the datatype", StringComparison.Ordinal) ? SigningError.InvalidIri : SigningError.InvalidDocument);
            return null;
        }
        return isCompound ? CompoundLiteral(obj, literal, graph) : literal;
    }

    private BlankNode CompoundLiteral(JsonObject obj, Literal literal, RdfTerm? graph)
    {
        var node = new BlankNode(nodeMap.GenerateBlankNode()[2..]);
        Emit(node, new Iri(Rdf + "value"), new Literal(literal.LexicalForm, Literal.XsdString), graph);
        if (AsString(obj["@language"]) is { } language)
        {
            Emit(node, new Iri(Rdf + "language"), new Literal(language.ToLowerInvariant(), Literal.XsdString), graph);
        }
        Emit(node, new Iri(Rdf + "direction"), new Literal(AsString(obj["@direction"])!, Literal.XsdString), graph);
        return node;
    }

    private RdfTerm ListToRdf(List<JsonNode?> items, RdfTerm? graph, What what)
    {
        if (items.Count == 0)
        {
            return s_nil;
        }
        var nodes = items.Select(_ => new BlankNode(nodeMap.GenerateBlankNode()[2..])).ToList();
        for (var i = 0; i < items.Count; i++)
        {
            if (ObjectToRdf(items[i], graph, what) is { } obj)
            {
                Emit(nodes[i], s_first, obj, graph);
            }
            Emit(nodes[i], s_rest, i + 1 < nodes.Count ? nodes[i + 1] : s_nil, graph);
        }
        return nodes[0];
    }
}
