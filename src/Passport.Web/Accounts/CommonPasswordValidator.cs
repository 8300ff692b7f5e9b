using System.Collections.Frozen;
using Microsoft.AspNetCore.Identity;
using Passport.Data.Accounts;

namespace Passport.Web.Accounts;

/// <summary>
/// Refuses the passwords met most often in leaked password sets (NIST SP 800-63B 3.1.1.2), whatever their case. The
/// list ships inside the host (<c>CommonPasswords.txt</c>, from zxcvbn-ts; see scripts/update-common-passwords.sh), so
/// checking sends nothing anywhere.
/// </summary>
public sealed class CommonPasswordValidator : IPasswordValidator<PassportUser>
{
    public const string Code = "PasswordCommon";

    private static readonly Lazy<FrozenSet<string>> Common = new(Load);

    public static int Count => Common.Value.Count;

    public static bool IsCommon(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        return Common.Value.Contains(password.Trim().ToLowerInvariant());
    }

    public Task<IdentityResult> ValidateAsync(UserManager<PassportUser> manager, PassportUser user, string? password) =>
        Task.FromResult(password is not null && IsCommon(password)
            ? IdentityResult.Failed(new IdentityError { Code = Code, Description = "This password is one of the most common passwords." })
            : IdentityResult.Success);

    private static FrozenSet<string> Load()
    {
        using var stream = typeof(CommonPasswordValidator).Assembly.GetManifestResourceStream("Passport.Web.Accounts.CommonPasswords.txt")
            ?? throw new InvalidOperationException("The list of common passwords is missing from the build.");
        using var reader = new StreamReader(stream);
        var passwords = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                passwords.Add(line.ToLowerInvariant());
            }
        }

        return passwords.ToFrozenSet(StringComparer.Ordinal);
    }
}
