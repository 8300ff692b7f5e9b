using System.Globalization;
using System.Security.Claims;
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

    /// <summary>A fingerprint of the account's security stamp at sign-in; see <see cref="SessionStamps"/>.</summary>
    public const string Stamp = "stamp";

    public static ClaimsIdentity CreateIdentity(PassportUser user, string authenticationType)
    {
        ArgumentNullException.ThrowIfNull(user);
        var identity = new ClaimsIdentity(authenticationType, Name, Role);
        identity.AddClaim(new Claim(Subject, user.Id.ToString()));
        identity.AddClaim(new Claim(Name, user.DisplayName));
        identity.AddClaim(new Claim(Email, user.Email));
        identity.AddClaim(new Claim(Language, user.Language));
        identity.AddClaim(new Claim(Stamp, SessionStamps.Fingerprint(user.SecurityStamp)));
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

    public static Guid? GetUserId(this ClaimsPrincipal principal) =>
        Guid.TryParse(principal?.FindFirstValue(Subject), CultureInfo.InvariantCulture, out var id) ? id : null;

    public static Guid? GetOrganisationId(this ClaimsPrincipal principal) =>
        Guid.TryParse(principal?.FindFirstValue(Organisation), CultureInfo.InvariantCulture, out var id) ? id : null;
}
