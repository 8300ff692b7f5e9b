using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Passport.Data.Accounts;

namespace Passport.Web.Accounts;

/// <summary>Issues the bearer tokens the API, the SignalR hubs and mobile apps use (JWT, HS256).</summary>
public sealed class AccessTokenIssuer(AccessTokenKey key, IOptions<AuthOptions> options, TimeProvider time)
{
    private readonly JsonWebTokenHandler _handler = new();

    public AccessTokenResponse Issue(PassportUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var now = time.GetUtcNow().UtcDateTime;
        var lifetime = options.Value.AccessTokenLifetime;
        var token = _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = options.Value.Issuer,
            Audience = options.Value.Audience,
            Subject = PassportClaims.CreateIdentity(user, "Bearer"),
            IssuedAt = now,
            NotBefore = now,
            Expires = now + lifetime,
            SigningCredentials = new SigningCredentials(key.Key, SecurityAlgorithms.HmacSha256),
        });
        return new AccessTokenResponse("Bearer", token, (int)lifetime.TotalSeconds);
    }
}

/// <summary>The body of a successful <c>POST /api/auth/login</c>.</summary>
public sealed record AccessTokenResponse(string TokenType, string AccessToken, int ExpiresIn);
