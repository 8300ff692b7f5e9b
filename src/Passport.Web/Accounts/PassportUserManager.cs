using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Passport.Data.Accounts;

namespace Passport.Web.Accounts;

/// <summary>
/// Identity's user manager, which also tells <see cref="SessionStamps"/> whenever an account is written, so a
/// changed security stamp (sign-out, new password, deactivation) ends this host's sessions of it at once.
/// </summary>
public sealed class PassportUserManager(
    IUserStore<PassportUser> store,
    IOptions<IdentityOptions> optionsAccessor,
    IPasswordHasher<PassportUser> passwordHasher,
    IEnumerable<IUserValidator<PassportUser>> userValidators,
    IEnumerable<IPasswordValidator<PassportUser>> passwordValidators,
    ILookupNormalizer keyNormalizer,
    IdentityErrorDescriber errors,
    IServiceProvider services,
    ILogger<UserManager<PassportUser>> logger,
    SessionStamps stamps)
    : UserManager<PassportUser>(store, optionsAccessor, passwordHasher, userValidators, passwordValidators, keyNormalizer, errors, services, logger)
{
    protected override async Task<IdentityResult> UpdateUserAsync(PassportUser user)
    {
        var result = await base.UpdateUserAsync(user);
        stamps.Forget(user.Id);
        return result;
    }

    public override async Task<IdentityResult> DeleteAsync(PassportUser user)
    {
        var result = await base.DeleteAsync(user);
        stamps.Forget(user.Id);
        return result;
    }
}
