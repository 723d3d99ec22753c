using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Transcripts.Api.Tests.Features.Web;

/// <summary>
/// A school's OpenID Connect provider, in process: its discovery document, its signing keys (JWKS), an authorization endpoint
/// that signs in <see cref="User"/> at once and sends the browser back with a code, and a token endpoint that checks the code,
/// the PKCE verifier and the client's secret and answers with an id_token signed by its RSA key, carrying the request's nonce.
/// The service's handler reaches it as its backchannel, so nothing goes over the network. <see cref="Next"/> spoils the next
/// id_token in one way.
/// </summary>
public sealed class FakeIdentityProvider(string authority, string clientId, string clientSecret, TimeProvider clock) : HttpMessageHandler
{
    public enum Spoil { None, WrongIssuer, BadSignature, WrongNonce, WrongAudience }

    public sealed record IdpUser(string Subject, string? Email, bool IsEmailVerified);

    private sealed record Grant(string ClientId, string RedirectUri, string Nonce, string CodeChallenge, IdpUser User);

    private readonly RSA _key = RSA.Create(2048);
    private readonly RSA _otherKey = RSA.Create(2048);
    private readonly ConcurrentDictionary<string, Grant> _codes = new(StringComparer.Ordinal);

    public string Authority { get; } = authority;
    public string ClientId { get; } = clientId;
    public string ClientSecret { get; } = clientSecret;

    /// <summary>Who is signed in at the provider: the next authorization answers for them.</summary>
    public IdpUser User { get; set; } = new("nobody", null, false);

    public Spoil Next { get; set; }

    /// <summary>How many codes were redeemed at the token endpoint.</summary>
    public int TokensIssued { get; private set; }

    /// <summary>What the browser does at the authorization endpoint: the address it is sent back to (code and state).</summary>
    public async Task<Uri> AuthorizeAsync(Uri authorize)
    {
        using var client = new HttpClient(this, disposeHandler: false);
        using var response = await client.GetAsync(authorize);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.Location!;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var url = request.RequestUri!;
        var path = url.GetLeftPart(UriPartial.Path);
        if (path == Authority + "/.well-known/openid-configuration")
        {
            return Json(new Dictionary<string, object>
            {
                ["issuer"] = Authority, ["authorization_endpoint"] = Authority + "/authorize", ["token_endpoint"] = Authority + "/token",
                ["jwks_uri"] = Authority + "/jwks", ["response_types_supported"] = new[] { OpenIdConnectResponseType.Code }, ["subject_types_supported"] = new[] { "public" },
                ["id_token_signing_alg_values_supported"] = new[] { "RS256" }, ["code_challenge_methods_supported"] = new[] { "S256" },
            });
        }
        if (path == Authority + "/jwks")
        {
            var p = _key.ExportParameters(false);
            return Json(new { keys = new[] { new { kty = "RSA", use = "sig", alg = "RS256", kid = "k1", n = Base64UrlEncoder.Encode(p.Modulus), e = Base64UrlEncoder.Encode(p.Exponent) } } });
        }
        if (path == Authority + "/authorize")
        {
            return Authorize(QueryHelpers.ParseQuery(url.Query).ToDictionary(q => q.Key, q => q.Value.ToString()));
        }
        if (path == Authority + "/token" && request.Method == HttpMethod.Post)
        {
            var form = QueryHelpers.ParseQuery(await request.Content!.ReadAsStringAsync(cancellationToken)).ToDictionary(q => q.Key, q => q.Value.ToString());
            return Token(form);
        }
        return new HttpResponseMessage(HttpStatusCode.NotFound);
    }

    private HttpResponseMessage Authorize(Dictionary<string, string> query)
    {
        Assert.Equal(OpenIdConnectResponseType.Code, query["response_type"]);
        Assert.Equal("query", query.GetValueOrDefault("response_mode", "query"));
        Assert.Equal("S256", query["code_challenge_method"]);
        Assert.Equal(["email", "openid", "profile"], query["scope"].Split(' ').Order(StringComparer.Ordinal));
        var code = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        _codes[code] = new Grant(query["client_id"], query["redirect_uri"], query["nonce"], query["code_challenge"], User);
        var back = QueryHelpers.AddQueryString(query["redirect_uri"], new Dictionary<string, string?> { [OpenIdConnectParameterNames.Code] = code, ["state"] = query["state"] });
        var response = new HttpResponseMessage(HttpStatusCode.Redirect);
        response.Headers.Location = new Uri(back);
        return response;
    }

    private HttpResponseMessage Token(Dictionary<string, string> form)
    {
        if (form.GetValueOrDefault("grant_type") != "authorization_code" || !_codes.TryRemove(form.GetValueOrDefault(OpenIdConnectParameterNames.Code) ?? "", out var grant)
            || grant.ClientId != form.GetValueOrDefault("client_id") || form.GetValueOrDefault("client_secret") != ClientSecret
            || grant.RedirectUri != form.GetValueOrDefault("redirect_uri")
            || Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(form.GetValueOrDefault("code_verifier") ?? ""))) != grant.CodeChallenge)
        {
            return Json(new { error = "invalid_grant" }, HttpStatusCode.BadRequest);
        }
        TokensIssued++;
        var spoil = Next;
        Next = Spoil.None;
        var now = clock.GetUtcNow().UtcDateTime;
        var claims = new Dictionary<string, object>
        {
            ["sub"] = grant.User.Subject, ["nonce"] = spoil == Spoil.WrongNonce ? "another-nonce" : grant.Nonce,
            ["email_verified"] = grant.User.IsEmailVerified, ["name"] = "A person at the school",
        };
        if (grant.User.Email is { } email)
        {
            claims["email"] = email;
        }
        var signingKey = new RsaSecurityKey(spoil == Spoil.BadSignature ? _otherKey : _key) { KeyId = "k1" };
        var idToken = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = spoil == Spoil.WrongIssuer ? "https://elsewhere.example" : Authority,
            Audience = spoil == Spoil.WrongAudience ? "another-client" : ClientId,
            Claims = claims, IssuedAt = now, NotBefore = now.AddMinutes(-5), Expires = now.AddHours(1),
            SigningCredentials = new SigningCredentials(signingKey, SecurityAlgorithms.RsaSha256),
        });
        return Json(new { id_token = idToken, access_token = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)), token_type = "Bearer", expires_in = 3600 });
    }

    private static HttpResponseMessage Json(object body, HttpStatusCode status = HttpStatusCode.OK) => new(status)
    {
        Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json"),
    };

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _key.Dispose();
            _otherKey.Dispose();
        }
        base.Dispose(disposing);
    }
}
