using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Passport.Application.Accounts;
using Passport.Application.Email;
using Passport.Data.Accounts;
using Passport.Domain.Accounts;
using Passport.Domain.Sharing;
using Passport.Domain.Validation;

namespace Passport.Application.Staff;

/// <summary>
/// Password reset by e-mail, for every account with a password. Asking never tells whether the address has an account:
/// the answer is the same, and the same work (a token made and hashed, the account looked up) is done either way; the
/// e-mail is queued with the token in one transaction and sent later, so sending takes no time of the answer. Using a
/// link sets the new password with a new security stamp, which ends every session and access token issued before, and
/// uses up every reset link of the account.
/// </summary>
public sealed class PasswordResets(
    PasswordResetRepository resets,
    UserManager<PassportUser> users,
    IPasswordHasher<PassportUser> hasher,
    IAccountSessions sessions,
    EmailComposer composer,
    IOptions<StaffOptions> options,
    TimeProvider time)
{
    public const string Kind = "password-reset";

    /// <summary>The page a reset e-mail links to, with the token in the query.</summary>
    public const string ResetPath = "/account/reset-password";

    /// <summary>Sends a reset link when the address has an account that may sign in; done either way (202).</summary>
    public async Task<Outcome<string>> RequestAsync(string? email, CancellationToken cancellationToken = default)
    {
        var errors = new ValidationErrors();
        AccountRules.CheckEmail(email, errors);
        if (!errors.IsValid)
        {
            return Outcome.Invalid<string>(errors);
        }

        var now = time.GetUtcNow();
        var (token, hash) = ShareLinkToken.Create();
        var user = await users.FindByEmailAsync(email!.Trim());
        // No password (simulated candidates), deactivated or closed: nobody may sign in, so no link is sent.
        if (user is { PasswordHash: not null, DeactivatedAt: null } && !await users.IsLockedOutAsync(user))
        {
            var lifetime = options.Value.PasswordResetLifetime;
            var id = Guid.CreateVersion7();
            var message = composer.Compose(
                id, user.Email, user.Language, Kind,
                [user.DisplayName, ((int)Math.Ceiling(lifetime.TotalMinutes)).ToString(CultureInfo.InvariantCulture)],
                $"{ResetPath}?token={token}", now);
            await resets.CreateAsync(id, user.Id, hash, now, now + lifetime, message, cancellationToken);
        }

        return Outcome.Done(email.Trim());
    }

    /// <summary>
    /// Sets a new password with a link's token, once. An unknown, used or expired token is 404 with nothing changed;
    /// a password that breaks the rules is 400 and the link still works.
    /// </summary>
    public async Task<Outcome<Guid>> ConfirmAsync(string? token, string? password, CancellationToken cancellationToken = default)
    {
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(token))
        {
            errors.Add("token", "Token.Required");
        }

        if (string.IsNullOrEmpty(password))
        {
            errors.Add("password", "Password.Required");
        }

        if (!errors.IsValid)
        {
            return Outcome.Invalid<Guid>(errors);
        }

        var now = time.GetUtcNow();
        if (!ShareLinkToken.TryHash(token, out var hash)
            || await resets.FindUsableAsync(hash, now, cancellationToken) is not { } userId
            || await users.FindByIdAsync(userId.ToString()) is not { DeactivatedAt: null } user)
        {
            return Invalid();
        }

        var passwordErrors = await StaffDesk.PasswordErrorsAsync(users, user, password!);
        if (!passwordErrors.IsValid)
        {
            return Outcome.Invalid<Guid>(passwordErrors);
        }

        if (!await resets.ResetAsync(hash, userId, hasher.HashPassword(user, password!), now, cancellationToken))
        {
            return Invalid();
        }

        sessions.Forget(userId);
        return Outcome.Done(userId);
    }

    private static Outcome<Guid> Invalid() => Outcome.Fail<Guid>(OutcomeStatus.NotFound, "Problem.ResetLinkInvalid");
}
