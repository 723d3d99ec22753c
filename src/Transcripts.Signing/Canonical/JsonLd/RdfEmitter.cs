using System.Globalization;
using System.Text.Json.Nodes;
using Transcripts.Signing.Canonical.Rdf;
using static Transcripts.Signing.Canonical.JsonLd.JsonLdNodes;

namespace Transcripts.Signing.Canonical.JsonLd;

/// <summary>
/// JSON-LD 1.1 API §6.2.2 Deserialize JSON-LD to RDF, §6.2.3 Object to RDF Conversion and §6.2.4 List Conversion,
/// reading the expanded document directly instead of first building the node map of §7.2.2.
/// </summary>
/// <remarks>
/// The spec flattens the expanded document into a node map and serializes that. The node map only merges what the
/// dataset merges anyway: the same node described in several places contributes the union of its statements, and
/// a dataset is a set. So every node object is turned into its statements where it stands and duplicate quads are
/// dropped; the dataset is the same up to blank node labels (fresh ones are issued here, author labels are relabelled
/// consistently, as §7.3 Generate Blank Node Identifier does), which RDFC-1.0 and dataset isomorphism ignore. What
/// the node map would reject is rejected here too: two different <c>@index</c> values for one node ("conflicting
/// indexes"). Relative IRIs are skipped, and blank-node predicates unless generalized RDF is asked for, as the spec
/// says; in safe mode they raise <see cref="SigningError.InvalidIri"/> instead.
/// </remarks>
internal sealed class RdfEmitter(JsonLdRun run)
{
    private const string Rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    private static readonly Iri s_type = new(Rdf + "type");
    private static readonly Iri s_first = new(Rdf + "first");
    private static readonly Iri s_rest = new(Rdf + "rest");
    private static readonly Iri s_nil = new(Rdf + "nil");
    private static readonly Iri s_value = new(Rdf + "value");
    private static readonly Iri s_language = new(Rdf + "language");
    private static readonly Iri s_direction = new(Rdf + "direction");

    private readonly List<Quad> _quads = [];
    private readonly HashSet<Quad> _seen = [];
    private readonly Dictionary<string, BlankNode> _relabelled = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Iri> _iris = new(StringComparer.Ordinal);
    private Dictionary<(RdfTerm? Graph, RdfTerm Node), JsonNode?>? _indexes;
    private int _counter;

    // What a term is, for the message of a safe-mode failure: formatted only then, not for every term.
    private readonly record struct What(string Kind, string Name, string? Of = null)
    {
        public override string ToString() => Of is null ? $"{Kind} {Name}" : $"{Kind} {Name} of {Of}";
    }

    // Where a node's statements go: the graph, and whether they are written at all (not inside a graph whose name
    // is a relative IRI, which the spec skips with everything in it).
    private readonly record struct Target(RdfTerm? Graph, bool Emit);

    /// <summary>The dataset of <paramref name="expanded"/>, the top-level array of an expanded document.</summary>
    public List<Quad> Emit(JsonArray expanded)
    {
        var target = new Target(null, true);
        foreach (var item in expanded)
        {
            if (item is JsonObject node && IsNodeObject(node))
            {
                Node(node, target);
            }
        }
        return _quads;
    }

    /// <summary>Writes the statements of a node object and of everything embedded in it; returns its subject term.</summary>
    private RdfTerm? Node(JsonObject node, Target target)
    {
        RdfTerm? subject;
        string subjectName;
        if (node.TryGetPropertyValue("@id", out var idValue))
        {
            if (idValue is null)
            {
                // An @id that expanded to null (a keyword-like string): the spec's toRdf skips such a node.
                if (run.Options.Safe)
                {
                    throw new SigningException(SigningError.InvalidIri, "A node's @id is not an IRI, so the node would be dropped.");
                }
                return null;
            }
            subjectName = AsString(idValue)!;
            subject = Resource(subjectName, new What("the subject", subjectName), target);
        }
        else
        {
            subject = NewBlankNode();
            subjectName = "_:" + ((BlankNode)subject).Label;
        }
        var emit = target with { Emit = target.Emit && subject is not null };

        // One pass over the entries; the order of the statements does not matter in a dataset.
        foreach (var (key, value) in node)
        {
            switch (key)
            {
                case "@id":
                    break;
                case "@index":
                    if (subject is not null)
                    {
                        CheckIndex(target.Graph, subject, subjectName, value);
                    }
                    break;
                case "@type":
                    foreach (var type in ReadItems(value))
                    {
                        var typeId = AsString(type)!;
                        if (Resource(typeId, new What("the type", typeId, subjectName), emit) is { } typeTerm)
                        {
                            Add(subject!, s_type, typeTerm, emit);
                        }
                    }
                    break;
                case "@reverse":
                    if (value is JsonObject reverseMap)
                    {
                        Reverse(reverseMap, subject, subjectName, target, emit);
                    }
                    break;
                case "@graph":
                    // The node names a graph; a graph named by a relative IRI is skipped with everything in it.
                    var inner = new Target(subject, target.Emit && subject is not null);
                    foreach (var item in ReadItems(value))
                    {
                        if (item is JsonObject graphNode && IsNodeObject(graphNode))
                        {
                            Node(graphNode, inner);
                        }
                    }
                    break;
                case "@included":
                    foreach (var item in ReadItems(value))
                    {
                        if (item is JsonObject includedNode && IsNodeObject(includedNode))
                        {
                            Node(includedNode, target);
                        }
                    }
                    break;
                default:
                    if (key.StartsWith('@') && Iris.IsKeyword(key))
                    {
                        break;
                    }
                    var predicate = Predicate(key, subjectName, emit);
                    var valueTarget = emit with { Emit = emit.Emit && predicate is not null };
                    foreach (var item in ReadItems(value))
                    {
                        if (Object(item, target, valueTarget, new What("a value of", key, subjectName)) is { } obj)
                        {
                            Add(subject!, predicate!, obj, valueTarget);
                        }
                    }
                    break;
            }
        }
        return subject;
    }

    private void Reverse(JsonObject reverseMap, RdfTerm? subject, string subjectName, Target target, Target emit)
    {
        foreach (var (property, values) in reverseMap)
        {
            var predicate = Predicate(property, subjectName, emit);
            foreach (var value in ReadItems(values))
            {
                if (value is JsonObject reverseNode && Node(reverseNode, target) is { } reverseSubject && predicate is not null)
                {
                    Add(reverseSubject, predicate, subject!, emit);
                }
            }
        }
    }

    /// <summary>
    /// §6.2.3 Object to RDF Conversion. Embedded node objects are written to <paramref name="nodeTarget"/> whether or
    /// not the statement that refers to them is (<paramref name="valueTarget"/>): the node map would hold them anyway.
    /// </summary>
    private RdfTerm? Object(JsonNode? item, Target nodeTarget, Target valueTarget, What what)
    {
        if (item is not JsonObject obj)
        {
            return null;
        }
        // One pass tells a list, a value and a node apart (a value object's entries are few; a node's may be many).
        var kind = Kind.Node;
        JsonNode? list = null;
        foreach (var (key, value) in obj)
        {
            if (key == "@list")
            {
                kind = Kind.List;
                list = value;
                break;
            }
            if (key == "@value")
            {
                kind = Kind.Value;
            }
        }
        if (kind == Kind.List)
        {
            return List(list, nodeTarget, valueTarget, what);
        }
        if (kind == Kind.Node)
        {
            return Node(obj, nodeTarget);
        }
        if (!valueTarget.Emit)
        {
            return null;
        }
        var parts = RdfLiterals.ValueParts.Of(obj);
        var literal = RdfLiterals.FromValueObject(parts, run.Options.RdfDirection, out var isCompound, out var problem);
        if (literal is null)
        {
            Unsafe($"The literal in {what} is malformed: {problem}.",
                problem!.StartsWith("the datatype", StringComparison.Ordinal) ? SigningError.InvalidIri : SigningError.InvalidDocument);
            return null;
        }
        return isCompound ? CompoundLiteral(parts, literal, valueTarget) : literal;
    }

    private enum Kind
    {
        Node,
        Value,
        List,
    }

    private BlankNode CompoundLiteral(RdfLiterals.ValueParts parts, Literal literal, Target target)
    {
        var node = NewBlankNode();
        Add(node, s_value, new Literal(literal.LexicalForm, Literal.XsdString), target);
        if (parts.Language is { } language)
        {
            Add(node, s_language, new Literal(language.ToLowerInvariant(), Literal.XsdString), target);
        }
        Add(node, s_direction, new Literal(parts.Direction!, Literal.XsdString), target);
        return node;
    }

    /// <summary>§6.2.4 List Conversion: a chain of blank nodes, or rdf:nil for an empty list.</summary>
    private RdfTerm List(JsonNode? list, Target nodeTarget, Target valueTarget, What what)
    {
        var items = list as JsonArray;
        var count = items?.Count ?? (list is null ? 0 : 1);
        if (count == 0)
        {
            return s_nil;
        }
        BlankNode? head = null;
        BlankNode? previous = null;
        foreach (var item in ReadItems(list))
        {
            var current = NewBlankNode();
            head ??= current;
            if (previous is not null)
            {
                Add(previous, s_rest, current, valueTarget);
            }
            if (Object(item, nodeTarget, valueTarget, what) is { } obj)
            {
                Add(current, s_first, obj, valueTarget);
            }
            previous = current;
        }
        Add(previous!, s_rest, s_nil, valueTarget);
        return head!;
    }

    private void Add(RdfTerm subject, RdfTerm predicate, RdfTerm obj, Target target)
    {
        if (!target.Emit)
        {
            return;
        }
        var quad = new Quad(subject, predicate, obj, target.Graph);
        if (!_seen.Add(quad))
        {
            return;
        }
        if (_quads.Count >= run.Limits.MaxNodes)
        {
            throw new SigningException(SigningError.DocumentTooComplex,
                $"The JSON-LD document produces more than {run.Limits.MaxNodes:N0} quads.");
        }
        _quads.Add(quad);
    }

    private RdfTerm? Predicate(string property, string subjectName, Target target)
    {
        if (!Iris.IsBlankNode(property))
        {
            return Resource(property, new What("the property", property, subjectName), target);
        }
        if (!run.Options.ProduceGeneralizedRdf)
        {
            if (target.Emit)
            {
                Unsafe($"The property {property} of {subjectName} is a blank node, which RDF does not allow as a predicate.");
            }
            return null;
        }
        return Relabel(property);
    }

    /// <summary>An IRI or blank node, or null (skipped) for a relative or malformed IRI.</summary>
    private RdfTerm? Resource(string id, What what, Target target)
    {
        if (Iris.IsBlankNode(id))
        {
            return Relabel(id);
        }
        if (_iris.TryGetValue(id, out var known))
        {
            return known;
        }
        if (Iris.IsWellFormedAbsolute(id))
        {
            var iri = new Iri(id);
            _iris.Add(id, iri);
            return iri;
        }
        if (target.Emit)
        {
            Unsafe($"The IRI of {what} is not absolute.");
        }
        return null;
    }

    private BlankNode Relabel(string label)
    {
        if (!_relabelled.TryGetValue(label, out var node))
        {
            node = NewBlankNode();
            _relabelled.Add(label, node);
        }
        return node;
    }

    private BlankNode NewBlankNode() => new("b" + _counter++.ToString(CultureInfo.InvariantCulture));

    // The node map keeps one @index per node and graph; a second, different one is an error (§7.2.2 step 6.5.3).
    private void CheckIndex(RdfTerm? graph, RdfTerm subject, string subjectName, JsonNode? index)
    {
        _indexes ??= [];
        if (_indexes.TryGetValue((graph, subject), out var existing))
        {
            if (!JsonNode.DeepEquals(existing, index))
            {
                throw JsonLdErrors.Create("conflicting indexes", $"The node {subjectName} has two different @index values.");
            }
            return;
        }
        _indexes.Add((graph, subject), index);
    }

    private void Unsafe(string message, SigningError error = SigningError.InvalidIri)
    {
        if (run.Options.Safe)
        {
            throw new SigningException(error, message + " It would be dropped from the RDF dataset.");
        }
    }
}
