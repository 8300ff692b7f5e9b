using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Passport.Data.Accounts;
using Passport.Domain.Accounts;
using Passport.Domain.Validation;

namespace Passport.Web.Accounts;

/// <summary>
/// Sign-up and sign-in rules shared by the API and the pages, so both refuse and accept exactly the same things.
/// </summary>
public sealed class AccountService(
    UserManager<PassportUser> users,
    SignInManager<PassportUser> signIn,
    IPasswordHasher<PassportUser> hasher,
    IOptions<AccountsOptions> options,
    TimeProvider time)
{
    // Verifying against a throw-away hash when the e-mail is unknown makes both failures take as long,
    // so response times do not reveal which addresses have accounts.
    private static readonly Lazy<string> UnknownUserHash = new(() => new PasswordHasher<PassportUser>().HashPassword(new PassportUser(), Guid.NewGuid().ToString()));

    public async Task<RegistrationResult> RegisterJobSeekerAsync(Registration registration)
    {
        ArgumentNullException.ThrowIfNull(registration);
        var errors = registration.Validate(time.GetUtcNow().Year, options.Value.MinimumAge);
        if (!errors.IsValid)
        {
            return RegistrationResult.Invalid(errors);
        }

        var user = new PassportUser
        {
            Email = registration.Email!.Trim(),
            DisplayName = registration.DisplayName!.Trim(),
            BirthYear = registration.BirthYear,
            Language = registration.Language!,
            CreatedAt = time.GetUtcNow(),
        };
        user.Roles.Add(Roles.JobSeeker);

        var result = await users.CreateAsync(user, registration.Password!);
        if (result.Succeeded)
        {
            return RegistrationResult.Created(user);
        }

        if (result.Errors.Any(error => error.Code is nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName)))
        {
            return RegistrationResult.EmailTaken();
        }

        var identityErrors = new ValidationErrors();
        foreach (var error in result.Errors)
        {
            identityErrors.Add(error.Code.StartsWith("Password", StringComparison.Ordinal) ? "password" : "email", $"Identity.{error.Code}", IdentityArgument(error.Code));
        }

        return RegistrationResult.Invalid(identityErrors);
    }

    /// <summary>Changes the fields everyone may change about themselves, after checking them.</summary>
    public async Task<ProfileUpdateResult> UpdateProfileAsync(PassportUser user, ProfileUpdate update)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(update);
        var errors = update.Validate();
        if (!errors.IsValid)
        {
            return new ProfileUpdateResult(errors, IsConflict: false);
        }

        user.DisplayName = update.DisplayName!.Trim();
        user.Language = update.Language!;
        var result = await users.UpdateAsync(user);
        return new ProfileUpdateResult(null, IsConflict: !result.Succeeded);
    }

    /// <summary>Checks e-mail and password; callers validate <see cref="Domain.Accounts.Credentials"/> first.</summary>
    public async Task<SignInOutcome> CheckPasswordAsync(Domain.Accounts.Credentials credentials)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        var email = credentials.Email!;
        var password = credentials.Password!;
        var user = await users.FindByEmailAsync(email.Trim());
        if (user is null)
        {
            hasher.VerifyHashedPassword(new PassportUser(), UnknownUserHash.Value, password);
            return new SignInOutcome(null, SignInResult.Failed);
        }

        var result = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        return new SignInOutcome(user, result);
    }

    /// <summary>Seconds until a locked account may try again, for <c>Retry-After</c> and the message.</summary>
    public int SecondsUntilUnlocked(PassportUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var remaining = (user.LockoutEnd ?? time.GetUtcNow()) - time.GetUtcNow();
        return Math.Max(1, (int)Math.Ceiling(remaining.TotalSeconds));
    }

    private object IdentityArgument(string code) => code switch
    {
        nameof(IdentityErrorDescriber.PasswordTooShort) => users.Options.Password.RequiredLength,
        nameof(IdentityErrorDescriber.PasswordRequiresUniqueChars) => users.Options.Password.RequiredUniqueChars,
        _ => "",
    };
}

/// <summary>Errors when the update broke a rule; <c>IsConflict</c> when someone changed the account at the same time.</summary>
public sealed record ProfileUpdateResult(ValidationErrors? Errors, bool IsConflict);

public sealed record SignInOutcome(PassportUser? User, SignInResult Result);

public sealed record RegistrationResult(PassportUser? User, ValidationErrors? Errors, bool IsEmailTaken)
{
    public static RegistrationResult Created(PassportUser user) => new(user, null, false);

    public static RegistrationResult Invalid(ValidationErrors errors) => new(null, errors, false);

    public static RegistrationResult EmailTaken() => new(null, null, true);
}
