using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Passport.Data.Accounts;

namespace Passport.Application.Accounts;

/// <summary>
/// The claims that describe a signed-in user, identical in the page cookie and the API token, with short
/// JWT-style names so tokens stay small and readable.
/// </summary>
public static class PassportClaims
{
    public const string Subject = "sub";
    public const string Name = "name";
    public const string Email = "email";
    public const string Role = "role";
    public const string Organisation = "org";
    public const string Language = "lang";

    /// <summary>A fingerprint of the account's security stamp at sign-in (<see cref="Fingerprint"/>), checked on every request.</summary>
    public const string Stamp = "stamp";

    public static ClaimsIdentity CreateIdentity(PassportUser user, string authenticationType)
    {
        ArgumentNullException.ThrowIfNull(user);
        var identity = new ClaimsIdentity(authenticationType, Name, Role);
        identity.AddClaim(new Claim(Subject, user.Id.ToString()));
        identity.AddClaim(new Claim(Name, user.DisplayName));
        identity.AddClaim(new Claim(Email, user.Email));
        identity.AddClaim(new Claim(Language, user.Language));
        identity.AddClaim(new Claim(Stamp, Fingerprint(user.SecurityStamp)));
        if (user.OrganisationId is { } organisationId)
        {
            identity.AddClaim(new Claim(Organisation, organisationId.ToString()));
        }

        foreach (var role in user.Roles)
        {
            identity.AddClaim(new Claim(Role, role));
        }

        return identity;
    }

    /// <summary>What cookies and tokens carry: a hash, so the stamp itself never leaves the server in a readable token.</summary>
    public static string Fingerprint(string securityStamp)
    {
        ArgumentNullException.ThrowIfNull(securityStamp);
        return System.Buffers.Text.Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes(securityStamp)));
    }

    public static Guid? GetUserId(this ClaimsPrincipal principal) =>
        Guid.TryParse(principal?.FindFirstValue(Subject), CultureInfo.InvariantCulture, out var id) ? id : null;

    public static Guid? GetOrganisationId(this ClaimsPrincipal principal) =>
        Guid.TryParse(principal?.FindFirstValue(Organisation), CultureInfo.InvariantCulture, out var id) ? id : null;
}
