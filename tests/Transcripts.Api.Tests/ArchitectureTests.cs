using Mono.Cecil;
using Mono.Cecil.Cil;

namespace Transcripts.Api.Tests;

/// <summary>
/// The shape of the compiled service: which feature namespace (<c>Transcripts.Api.Features.X</c>, sub-namespaces
/// included) uses which, read from the assembly's metadata and IL (signatures, base types, attributes, method bodies,
/// compiler-generated closures and state machines counted with the type that declares them). A feature may use another,
/// but never in a circle: a cycle means neither can be understood, tested or changed without the other.
/// </summary>
public sealed class ArchitectureTests
{
    private const string FeaturesPrefix = "Transcripts.Api.Features.";

    /// <summary>
    /// Pairs of features allowed to depend on each other, each pair in ordinal order: none. An entry would leave the uses
    /// between the two out before cycles are looked for, and the test says when a listed pair no longer needs it.
    /// </summary>
    private static readonly (string, string)[] s_knownCycles = [];

    [Fact]
    public void Feature_namespaces_have_no_cycles()
    {
        var graph = FeatureGraph(typeof(Program).Assembly.Location);
        Assert.True(graph.Count > 10, $"only {graph.Count} feature namespaces were found: " + string.Join(", ", graph.Keys));

        var stale = s_knownCycles.Where(p => !Reaches(graph, p.Item1, p.Item2) || !Reaches(graph, p.Item2, p.Item1))
            .Select(p => $"{p.Item1} ↔ {p.Item2}").ToList();
        var pruned = graph.ToDictionary(g => g.Key, g => g.Value.Where(e => !s_knownCycles.Any(p =>
                (p.Item1 == g.Key && p.Item2 == e.Key) || (p.Item2 == g.Key && p.Item1 == e.Key)))
            .ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal), StringComparer.Ordinal);
        var cycles = StronglyConnected(pruned).Where(c => c.Count > 1).Select(c => c.Order(StringComparer.Ordinal).ToList()).ToList();

        Assert.True(cycles.Count == 0, "feature namespaces in a cycle:\n" + string.Join("\n",
            cycles.Select(c => string.Join(" ↔ ", c) + ": " + Evidence(pruned, c))));
        Assert.True(stale.Count == 0, "no longer a cycle, delete it from the known list: " + string.Join(", ", stale));
    }

    private static bool Reaches(Dictionary<string, Dictionary<string, string>> graph, string from, string to)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { from };
        var queue = new Queue<string>([from]);
        while (queue.TryDequeue(out var node))
        {
            foreach (var next in graph.TryGetValue(node, out var edges) ? edges.Keys.ToList() : [])
            {
                if (next == to)
                {
                    return true;
                }
                if (seen.Add(next))
                {
                    queue.Enqueue(next);
                }
            }
        }
        return false;
    }

    [Fact]
    public void The_graph_finds_the_features_the_demo_seed_uses()
    {
        // Features/Demo seeds data through several features: a graph that misses those uses could never show a cycle.
        var graph = FeatureGraph(typeof(Program).Assembly.Location);

        Assert.Contains("Demo", graph.Keys);
        Assert.True(graph["Demo"].Count >= 2, "Demo uses: " + string.Join(", ", graph["Demo"].Keys));
    }

    /// <summary>Feature → the features it uses → one example use each (type and the member or type it used).</summary>
    private static Dictionary<string, Dictionary<string, string>> FeatureGraph(string assemblyPath)
    {
        using var module = ModuleDefinition.ReadModule(assemblyPath);
        var graph = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        foreach (var type in module.GetTypes())
        {
            var from = FeatureOf(type);
            if (from is null)
            {
                continue;
            }
            var uses = graph.TryGetValue(from, out var existing) ? existing : graph[from] = new(StringComparer.Ordinal);
            foreach (var used in Used(type))
            {
                if (used.Module == module && FeatureOf(used) is { } to && to != from)
                {
                    uses.TryAdd(to, $"{type.FullName} uses {used.FullName}");
                }
            }
        }
        return graph;
    }

    private static string? FeatureOf(TypeReference type)
    {
        while (type.DeclaringType is not null)
        {
            type = type.DeclaringType;
        }
        if (!type.Namespace.StartsWith(FeaturesPrefix, StringComparison.Ordinal))
        {
            return null;
        }
        var rest = type.Namespace[FeaturesPrefix.Length..];
        var dot = rest.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? rest : rest[..dot];
    }

    /// <summary>Every type <paramref name="type"/>'s own definition names: signatures, attributes and IL operands.</summary>
    private static List<TypeReference> Used(TypeDefinition type)
    {
        var found = new List<TypeReference>();
        Add(found, type.BaseType);
        found.AddRange(type.Interfaces.SelectMany(i => Expand(i.InterfaceType)));
        found.AddRange(type.CustomAttributes.SelectMany(Attribute));
        foreach (var field in type.Fields)
        {
            Add(found, field.FieldType);
            found.AddRange(field.CustomAttributes.SelectMany(Attribute));
        }
        foreach (var property in type.Properties)
        {
            Add(found, property.PropertyType);
            found.AddRange(property.CustomAttributes.SelectMany(Attribute));
        }
        foreach (var method in type.Methods)
        {
            Add(found, method.ReturnType);
            found.AddRange(method.CustomAttributes.SelectMany(Attribute));
            foreach (var parameter in method.Parameters)
            {
                Add(found, parameter.ParameterType);
                found.AddRange(parameter.CustomAttributes.SelectMany(Attribute));
            }
            if (!method.HasBody)
            {
                continue;
            }
            foreach (var local in method.Body.Variables)
            {
                Add(found, local.VariableType);
            }
            foreach (var instruction in method.Body.Instructions)
            {
                switch (instruction.Operand)
                {
                    case TypeReference t:
                        Add(found, t);
                        break;
                    case MethodReference m:
                        AddMethod(found, m);
                        break;
                    case FieldReference f:
                        Add(found, f.DeclaringType);
                        Add(found, f.FieldType);
                        break;
                    case CallSite site:
                        Add(found, site.ReturnType);
                        break;
                }
            }
        }
        return found;
    }

    private static void AddMethod(List<TypeReference> found, MethodReference method)
    {
        Add(found, method.DeclaringType);
        Add(found, method.ReturnType);
        foreach (var parameter in method.Parameters)
        {
            Add(found, parameter.ParameterType);
        }
        if (method is GenericInstanceMethod generic)
        {
            foreach (var argument in generic.GenericArguments)
            {
                Add(found, argument);
            }
        }
    }

    private static IEnumerable<TypeReference> Attribute(CustomAttribute attribute) =>
        Expand(attribute.AttributeType).Concat(attribute.ConstructorArguments.Select(a => a.Value).OfType<TypeReference>().SelectMany(Expand));

    private static void Add(List<TypeReference> found, TypeReference? type)
    {
        if (type is not null)
        {
            found.AddRange(Expand(type));
        }
    }

    /// <summary>A type and what it is built from: element types of arrays, pointers and refs, and generic arguments.</summary>
    private static IEnumerable<TypeReference> Expand(TypeReference type)
    {
        switch (type)
        {
            case GenericInstanceType generic:
                foreach (var inner in Expand(generic.ElementType).Concat(generic.GenericArguments.SelectMany(Expand)))
                {
                    yield return inner;
                }
                break;
            case TypeSpecification specification:
                foreach (var inner in Expand(specification.ElementType))
                {
                    yield return inner;
                }
                break;
            case GenericParameter:
                break;
            default:
                yield return type;
                break;
        }
    }

    /// <summary>Tarjan's strongly connected components: each set of features that reach one another.</summary>
    private static List<List<string>> StronglyConnected(Dictionary<string, Dictionary<string, string>> graph)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var low = new Dictionary<string, int>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        var onStack = new HashSet<string>(StringComparer.Ordinal);
        var components = new List<List<string>>();

        void Visit(string node)
        {
            index[node] = low[node] = index.Count;
            stack.Push(node);
            onStack.Add(node);
            foreach (var next in graph.TryGetValue(node, out var edges) ? edges.Keys.ToList() : [])
            {
                if (!index.TryGetValue(next, out var seen))
                {
                    Visit(next);
                    low[node] = Math.Min(low[node], low[next]);
                }
                else if (onStack.Contains(next))
                {
                    low[node] = Math.Min(low[node], seen);
                }
            }
            if (low[node] == index[node])
            {
                var component = new List<string>();
                string member;
                do
                {
                    member = stack.Pop();
                    onStack.Remove(member);
                    component.Add(member);
                }
                while (member != node);
                components.Add(component);
            }
        }

        foreach (var node in graph.Keys.Order(StringComparer.Ordinal))
        {
            if (!index.ContainsKey(node))
            {
                Visit(node);
            }
        }
        return components;
    }

    /// <summary>The uses that hold a cycle together, one example for each edge inside it.</summary>
    private static string Evidence(Dictionary<string, Dictionary<string, string>> graph, List<string> cycle) =>
        string.Join("; ", cycle.SelectMany(from => graph[from].Where(e => cycle.Contains(e.Key)).Select(e => $"{from} → {e.Key} ({e.Value})")));
}
