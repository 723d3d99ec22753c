using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Transcripts.Signing.Contexts;
using Transcripts.Tests;

namespace Transcripts.Signing.Tests.Contexts;

public sealed class ContextStoreTests
{
    public static TheoryData<string> PinnedUrls() => new(ContextStore.Pinned.Select(p => p.Url));

    [Theory]
    [MemberData(nameof(PinnedUrls))]
    public void Load_returns_the_pinned_context_whose_sha256_matches(string url)
    {
        var pinned = ContextStore.Pinned.Single(p => p.Url == url);

        var bytes = ContextStore.ReadResource(pinned.ResourceName);
        var document = new ContextStore().Load(url);

        Assert.Equal(pinned.Sha256, Convert.ToHexStringLower(SHA256.HashData(bytes)));
        Assert.Equal(url, document.DocumentUrl);
        Assert.NotNull(Assert.IsType<JsonObject>(document.Document)["@context"]);
    }

    [Fact]
    public void Every_embedded_context_file_is_pinned_and_every_pin_has_a_file()
    {
        var embedded = typeof(ContextStore).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ContextStore.ResourcePrefix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

        Assert.Equal(ContextStore.Pinned.Select(p => p.ResourceName).Order(StringComparer.Ordinal), embedded);
    }

    [Theory]
    [InlineData("https://example.com/context.jsonld")]
    [InlineData("https://www.w3.org/ns/credentials/v2/")]
    [InlineData("http://www.w3.org/ns/credentials/v2")]
    [InlineData("https://purl.imsglobal.org/spec/clr/v2p0/context.json")]
    public void Load_fails_with_UnknownContext_naming_the_url_when_the_context_is_not_pinned(string url)
    {
        var error = Assert.Throws<SigningException>(() => ContextStore.Default.Load(url));

        Assert.Equal(SigningError.UnknownContext, error.Error);
        Assert.Contains(url + " is not a context this software knows", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(PinnedUrls))]
    public void CheckIntegrity_fails_with_ContextIntegrity_when_one_byte_is_changed(string url)
    {
        var pinned = ContextStore.Pinned.Single(p => p.Url == url);
        var bytes = ContextStore.ReadResource(pinned.ResourceName);
        ContextStore.CheckIntegrity(pinned, bytes);
        bytes[bytes.Length / 2] ^= 0x20;

        var error = Assert.Throws<SigningException>(() => ContextStore.CheckIntegrity(pinned, bytes));

        Assert.Equal(SigningError.ContextIntegrity, error.Error);
        Assert.Contains(url, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckIntegrity_fails_when_a_space_is_appended()
    {
        var pinned = ContextStore.Pinned[0];
        var bytes = ContextStore.ReadResource(pinned.ResourceName).Append((byte)' ').ToArray();

        Assert.Equal(SigningError.ContextIntegrity,
            Assert.Throws<SigningException>(() => ContextStore.CheckIntegrity(pinned, bytes)).Error);
    }

    [Fact]
    public void Load_returns_the_same_parsed_document_when_asked_twice()
    {
        var store = new ContextStore();

        Assert.Same(store.Load(ContextStore.Pinned[1].Url).Document, store.Load(ContextStore.Pinned[1].Url).Document);
    }

    [Fact]
    public void Load_returns_an_additional_document_supplied_explicitly()
    {
        const string Url = "https://w3c.github.io/json-ld-api/tests/expand/0034-context.jsonld";
        var store = new ContextStore([new(Url, System.Text.Encoding.UTF8.GetBytes("{\"@context\": {\"term\": \"urn:ex:term\"}}"))]);

        var document = store.Load(Url);

        Assert.Equal("urn:ex:term", document.Document["@context"]!["term"]!.GetValue<string>());
        Assert.Throws<SigningException>(() => ContextStore.Default.Load(Url));
    }

    [Fact]
    public void Constructor_refuses_an_additional_document_that_would_replace_a_pinned_context()
    {
        var url = ContextStore.Pinned[0].Url;

        Assert.Throws<ArgumentException>(() => new ContextStore([new(url, "{}"u8.ToArray())]));
    }

    [Fact]
    public void Load_fails_with_InvalidJson_when_an_additional_document_is_not_json()
    {
        var store = new ContextStore([new("urn:ex:broken", "{"u8.ToArray())]);

        Assert.Equal(SigningError.InvalidJson, Assert.Throws<SigningException>(() => store.Load("urn:ex:broken")).Error);
    }

    [Theory]
    [MemberData(nameof(PinnedUrls))]
    public void Readme_lists_the_url_file_and_sha256_of_every_pinned_context(string url)
    {
        var pinned = ContextStore.Pinned.Single(p => p.Url == url);
        var readme = File.ReadAllText(Path.Combine(SpecData.RepositoryRoot, "src", "Transcripts.Signing", "Contexts", "README.md"));

        var row = readme.Split('\n').SingleOrDefault(line => line.StartsWith("| " + url + " |", StringComparison.Ordinal));

        Assert.NotNull(row);
        Assert.Contains(pinned.FileName, row, StringComparison.Ordinal);
        Assert.Contains(pinned.Sha256, row, StringComparison.Ordinal);
    }
}
