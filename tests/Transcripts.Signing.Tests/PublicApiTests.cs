using System.Reflection;
using System.Text;
using Transcripts.Tests;

namespace Transcripts.Signing.Tests;

/// <summary>
/// Pins the public surface of Transcripts.Signing. On a change, PublicApi.received.txt is written beside the approved
/// file; review it and copy it over PublicApi.approved.txt if the change is intended.
/// </summary>
public sealed class PublicApiTests
{
    [Fact]
    public void Public_API_matches_the_approved_file()
    {
        var folder = Path.Combine(SpecData.RepositoryRoot, "tests", "Transcripts.Signing.Tests");
        var approvedPath = Path.Combine(folder, "PublicApi.approved.txt");
        var receivedPath = Path.Combine(folder, "PublicApi.received.txt");
        var received = Describe(typeof(SigningException).Assembly);
        var approved = File.Exists(approvedPath) ? File.ReadAllText(approvedPath).ReplaceLineEndings("\n") : "";

        if (received != approved)
        {
            File.WriteAllText(receivedPath, received);
            Assert.Fail($"The public API of Transcripts.Signing changed. Compare {receivedPath} with {approvedPath}; " +
                "if the change is intended, copy the received file over the approved one.");
        }
        File.Delete(receivedPath);
    }

    internal static string Describe(Assembly assembly)
    {
        var sb = new StringBuilder();
        foreach (var type in assembly.GetExportedTypes().OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            var kind = type.IsEnum ? "enum" : type.IsInterface ? "interface" : type.IsValueType ? "struct"
                : type.IsAbstract && type.IsSealed ? "static class" : type.IsAbstract ? "abstract class"
                : type.IsSealed ? "sealed class" : "class";
            var baseType = type.BaseType is { } b && b != typeof(object) && b != typeof(ValueType) && b != typeof(Enum) ? " : " + b.Name : "";
            sb.Append(kind).Append(' ').Append(type.FullName).Append(baseType).Append('\n');
            if (type.IsEnum)
            {
                foreach (var name in Enum.GetNames(type))
                {
                    sb.Append("  ").Append(name).Append(" = ").Append(Convert.ToInt64(Enum.Parse(type, name), System.Globalization.CultureInfo.InvariantCulture)).Append('\n');
                }
                continue;
            }
            var members = type.GetMembers(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                .Where(m => m is not MethodInfo { IsSpecialName: true })
                .Where(m => !(m is MethodInfo mi && mi.Name.StartsWith('<')))
                .Select(m => "  " + (IsStatic(m) ? "static " : "") + m.MemberType + " " + m)
                .Order(StringComparer.Ordinal);
            foreach (var member in members)
            {
                sb.Append(member).Append('\n');
            }
        }
        return sb.ToString();
    }

    private static bool IsStatic(MemberInfo member) => member switch
    {
        MethodBase m => m.IsStatic,
        FieldInfo f => f.IsStatic,
        PropertyInfo p => (p.GetMethod ?? p.SetMethod)!.IsStatic,
        _ => false,
    };
}
