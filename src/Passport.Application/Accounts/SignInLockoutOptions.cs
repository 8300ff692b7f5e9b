using System.ComponentModel.DataAnnotations;

namespace Passport.Application.Accounts;

/// <summary>
/// The sign-in lockout of configuration section <c>Auth</c> (its tokens and sessions are the host's, in
/// <c>Passport.Web</c>): how many wrong passwords, and how long the wait after them.
/// </summary>
public sealed class SignInLockoutOptions
{
    public const string SectionName = "Auth";

    /// <summary>
    /// Wrong passwords for one e-mail address from one client address before that address must wait
    /// <see cref="LockoutDuration"/> for it. Counted per pair, so nobody can lock a person out from elsewhere, and
    /// the same for addresses with and without an account, so the answer does not tell which exist.
    /// </summary>
    [Range(1, 100)]
    public int MaxFailedAccessAttempts { get; set; } = 5;

    /// <summary>How long the wait lasts; short and bounded, it never locks an account for good.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);
}
