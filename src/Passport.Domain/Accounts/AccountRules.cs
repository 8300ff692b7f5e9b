using System.Net.Mail;
using Passport.Domain.Validation;

namespace Passport.Domain.Accounts;

/// <summary>Rules for the account fields a person types in: e-mail, display name, birth year, language.</summary>
public static class AccountRules
{
    public const int EmailMaxLength = 254;
    public const int DisplayNameMaxLength = 60;
    public const int OldestAge = 100;

    public static void CheckEmail(string? email, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(email))
        {
            errors.Add("email", "Email.Required");
        }
        else if (email.Length > EmailMaxLength || !IsEmailAddress(email))
        {
            errors.Add("email", "Email.Invalid");
        }
    }

    public static void CheckDisplayName(string? displayName, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(displayName))
        {
            errors.Add("displayName", "DisplayName.Required");
        }
        else if (displayName.Trim().Length > DisplayNameMaxLength)
        {
            errors.Add("displayName", "DisplayName.TooLong", DisplayNameMaxLength);
        }
        else if (displayName.Any(char.IsControl))
        {
            errors.Add("displayName", "DisplayName.Invalid");
        }
    }

    /// <summary>
    /// A job seeker must have reached <paramref name="minimumAge"/> this calendar year; we only ask the year,
    /// so someone who turns that age later this year may join now.
    /// </summary>
    public static void CheckBirthYear(int? birthYear, int currentYear, int minimumAge, ValidationErrors errors)
    {
        if (birthYear is null)
        {
            errors.Add("birthYear", "BirthYear.Required");
        }
        else if (birthYear > currentYear - minimumAge)
        {
            errors.Add("birthYear", "BirthYear.TooYoung", minimumAge);
        }
        else if (birthYear < currentYear - OldestAge)
        {
            errors.Add("birthYear", "BirthYear.Invalid");
        }
    }

    public static void CheckLanguage(string? language, ValidationErrors errors)
    {
        if (!Languages.IsSupported(language))
        {
            errors.Add("language", "Language.Unsupported", string.Join(", ", Languages.All));
        }
    }

    private static bool IsEmailAddress(string email)
    {
        // MailAddress accepts display-name forms such as "Name <a@b.c>"; require the bare address.
        return MailAddress.TryCreate(email, out var address)
            && string.Equals(address.Address, email.Trim(), StringComparison.OrdinalIgnoreCase)
            && address.Host.Contains('.', StringComparison.Ordinal);
    }
}
