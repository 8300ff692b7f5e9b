using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Passport.Data.Accounts;
using Passport.Domain.Accounts;
using Passport.Domain.Validation;

namespace Passport.Application.Accounts;

/// <summary>
/// Sign-up, sign-in and password rules shared by the API and the pages, so both refuse and accept exactly the same
/// things. No answer tells whether an e-mail address has an account: unknown addresses are checked against a
/// throw-away hash and locked out like known ones, and signing up with a taken address answers like a new one.
/// </summary>
public sealed class AccountService(
    UserManager<PassportUser> users,
    IPasswordHasher<PassportUser> hasher,
    SignInThrottle throttle,
    IOptions<AccountsOptions> options,
    TimeProvider time)
{
    // Verifying against a throw-away hash when the e-mail is unknown makes both failures take as long,
    // so response times do not reveal which addresses have accounts.
    private static readonly Lazy<string> UnknownUserHash = new(() => new PasswordHasher<PassportUser>().HashPassword(new PassportUser(), Guid.NewGuid().ToString()));

    /// <summary>
    /// Creates the account unless the address is taken; both are done with the address to sign in with, so the caller
    /// cannot tell them apart. Broken rules (checked before the address) come back as errors.
    /// </summary>
    public async Task<Outcome<string>> RegisterJobSeekerAsync(Registration registration)
    {
        ArgumentNullException.ThrowIfNull(registration);
        var errors = registration.Validate(time.GetUtcNow().Year, options.Value.MinimumAge);
        if (!errors.IsValid)
        {
            return Outcome.Invalid<string>(errors);
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

        // Identity checks the password (hashing it) before it looks for the address, so a taken address costs as long.
        var result = await users.CreateAsync(user, registration.Password!);
        if (result.Succeeded
            || result.Errors.Any(error => error.Code is nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName)))
        {
            return Outcome.Done(user.Email);
        }

        return Outcome.Invalid<string>(IdentityErrors(result, "password"));
    }

    /// <summary>
    /// Changes the fields everyone may change about themselves, after checking them; a conflict when someone changed
    /// the account at the same time.
    /// </summary>
    public async Task<Outcome<PassportUser>> UpdateProfileAsync(PassportUser user, ProfileUpdate update)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(update);
        var errors = update.Validate();
        if (!errors.IsValid)
        {
            return Outcome.Invalid<PassportUser>(errors);
        }

        user.DisplayName = update.DisplayName!.Trim();
        user.Language = update.Language!;
        var result = await users.UpdateAsync(user);
        return result.Succeeded ? Outcome.Done(user) : Outcome.Fail<PassportUser>(OutcomeStatus.Conflict, "Problem.Conflict");
    }

    /// <summary>Checks e-mail and password from <paramref name="clientAddress"/>; callers validate <see cref="Domain.Accounts.Credentials"/> first.</summary>
    public async Task<SignInOutcome> CheckPasswordAsync(Domain.Accounts.Credentials credentials, string clientAddress)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        var email = credentials.Email!.Trim();
        var key = users.NormalizeEmail(email);
        if (throttle.WaitFor(key, clientAddress) is { } wait)
        {
            return SignInOutcome.TooManyTries(wait);
        }

        var user = await users.FindByEmailAsync(email);
        if (!await IsRightPasswordAsync(user, credentials.Password!))
        {
            return throttle.RecordFailure(key, clientAddress) is { } lockout ? SignInOutcome.TooManyTries(lockout) : SignInOutcome.Wrong;
        }

        throttle.Reset(key, clientAddress);
        // Only someone who knows the password learns that the account was closed (demo accounts when seeding is off).
        return await users.IsLockedOutAsync(user!) ? SignInOutcome.Closed : SignInOutcome.Right(user!);
    }

    /// <summary>Asks for the signed-in person's password again (before erasure), under the same lockout as signing in.</summary>
    public Task<SignInOutcome> ConfirmPasswordAsync(PassportUser user, string? password, string clientAddress)
    {
        ArgumentNullException.ThrowIfNull(user);
        return CheckPasswordAsync(new Domain.Accounts.Credentials(user.Email, password ?? ""), clientAddress);
    }

    /// <summary>
    /// Replaces the password after checking the current one. The security stamp changes with it, so every other
    /// session and API token of the account ends (the host checks the stamp on every request).
    /// </summary>
    public async Task<PasswordChangeResult> ChangePasswordAsync(PassportUser user, string? currentPassword, string? newPassword, string clientAddress)
    {
        ArgumentNullException.ThrowIfNull(user);
        var errors = new ValidationErrors();
        if (string.IsNullOrEmpty(currentPassword))
        {
            errors.Add("currentPassword", "Password.Required");
        }

        if (string.IsNullOrEmpty(newPassword))
        {
            errors.Add("newPassword", "Password.Required");
        }

        if (!errors.IsValid)
        {
            return new PasswordChangeResult(null, errors);
        }

        var check = await ConfirmPasswordAsync(user, currentPassword, clientAddress);
        if (check.Result != PasswordCheck.Right)
        {
            return new PasswordChangeResult(check, null);
        }

        foreach (var validator in users.PasswordValidators)
        {
            var validation = await validator.ValidateAsync(users, check.User!, newPassword);
            if (!validation.Succeeded)
            {
                return new PasswordChangeResult(check, IdentityErrors(validation, "newPassword"));
            }
        }

        // One write: the new hash and a new security stamp together, checked against the concurrency stamp.
        var account = check.User!;
        account.PasswordHash = hasher.HashPassword(account, newPassword!);
        var stored = await users.UpdateSecurityStampAsync(account);
        return new PasswordChangeResult(stored.Succeeded ? check : SignInOutcome.Conflict, null);
    }

    /// <summary>
    /// Signs the account out everywhere: a new security stamp ends every page session and API token of it (this
    /// host at once, the others within <c>Auth:SessionCheckInterval</c>).
    /// </summary>
    public async Task EndAllSessionsAsync(Guid userId)
    {
        // A concurrent write (a wrong password counted, a profile saved) makes the update lose the race; read and try again.
        for (var attempt = 1; ; attempt++)
        {
            var user = await users.FindByIdAsync(userId.ToString());
            if (user is null || (await users.UpdateSecurityStampAsync(user)).Succeeded)
            {
                return;
            }

            if (attempt == 3)
            {
                throw new InvalidOperationException($"The security stamp of account {userId} could not be changed after {attempt} attempts.");
            }
        }
    }

    private async Task<bool> IsRightPasswordAsync(PassportUser? user, string password)
    {
        if (user?.PasswordHash is null)
        {
            // No account, or one nobody can sign in to (simulated candidates): take as long as a real check.
            hasher.VerifyHashedPassword(new PassportUser(), UnknownUserHash.Value, password);
            return false;
        }

        return await users.CheckPasswordAsync(user, password);
    }

    private ValidationErrors IdentityErrors(IdentityResult result, string passwordField)
    {
        var errors = new ValidationErrors();
        foreach (var error in result.Errors)
        {
            errors.Add(error.Code.StartsWith("Password", StringComparison.Ordinal) ? passwordField : "email", $"Identity.{error.Code}", IdentityArgument(error.Code));
        }

        return errors;
    }

    private object IdentityArgument(string code) => code switch
    {
        nameof(IdentityErrorDescriber.PasswordTooShort) => users.Options.Password.RequiredLength,
        nameof(IdentityErrorDescriber.PasswordRequiresUniqueChars) => users.Options.Password.RequiredUniqueChars,
        _ => "",
    };
}

public enum PasswordCheck
{
    Right,
    Wrong,

    /// <summary>Too many wrong passwords for this e-mail address from this client address; wait <see cref="SignInOutcome.RetryAfter"/>.</summary>
    TooManyTries,

    /// <summary>The password is right but the account may no longer be used.</summary>
    Closed,

    /// <summary>Someone changed the account at the same moment.</summary>
    Conflict,
}

public sealed record SignInOutcome(PassportUser? User, PasswordCheck Result, TimeSpan RetryAfter)
{
    public static readonly SignInOutcome Wrong = new(null, PasswordCheck.Wrong, TimeSpan.Zero);

    public static readonly SignInOutcome Closed = new(null, PasswordCheck.Closed, TimeSpan.Zero);

    public static readonly SignInOutcome Conflict = new(null, PasswordCheck.Conflict, TimeSpan.Zero);

    public static SignInOutcome Right(PassportUser user) => new(user, PasswordCheck.Right, TimeSpan.Zero);

    public static SignInOutcome TooManyTries(TimeSpan wait) => new(null, PasswordCheck.TooManyTries, wait);

    /// <summary>Whole seconds to wait, at least one, for <c>Retry-After</c>.</summary>
    public int RetryAfterSeconds => Math.Max(1, (int)Math.Ceiling(RetryAfter.TotalSeconds));

    /// <summary>Whole minutes to wait, at least one, for the message.</summary>
    public int RetryAfterMinutes => Math.Max(1, (int)Math.Ceiling(RetryAfter.TotalMinutes));
}

/// <summary>The current-password check (null when fields were missing) and the broken rules, if any; both fine means changed.</summary>
public sealed record PasswordChangeResult(SignInOutcome? Check, ValidationErrors? Errors)
{
    public bool Succeeded => Check?.Result == PasswordCheck.Right && Errors is null;
}
