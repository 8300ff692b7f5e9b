using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Passport.Data.Accounts;

namespace Passport.Web.Accounts;

/// <summary>Builds the page cookie's principal from <see cref="PassportClaims"/>, plus the security stamp Identity checks.</summary>
public sealed class PassportClaimsPrincipalFactory(IOptions<IdentityOptions> options) : IUserClaimsPrincipalFactory<PassportUser>
{
    public Task<ClaimsPrincipal> CreateAsync(PassportUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var identity = PassportClaims.CreateIdentity(user, IdentityConstants.ApplicationScheme);
        identity.AddClaim(new Claim(options.Value.ClaimsIdentity.SecurityStampClaimType, user.SecurityStamp));
        return Task.FromResult(new ClaimsPrincipal(identity));
    }
}
