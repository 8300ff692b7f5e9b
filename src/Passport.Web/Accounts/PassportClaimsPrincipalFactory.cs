using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Passport.Data.Accounts;

namespace Passport.Web.Accounts;

/// <summary>Builds the page cookie's principal from <see cref="PassportClaims"/>, the same claims as the API token.</summary>
public sealed class PassportClaimsPrincipalFactory : IUserClaimsPrincipalFactory<PassportUser>
{
    public Task<ClaimsPrincipal> CreateAsync(PassportUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return Task.FromResult(new ClaimsPrincipal(PassportClaims.CreateIdentity(user, IdentityConstants.ApplicationScheme)));
    }
}
