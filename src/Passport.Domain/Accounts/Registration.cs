using Passport.Domain.Validation;

namespace Passport.Domain.Accounts;

/// <summary>What a job seeker gives when signing up.</summary>
public sealed record Registration(string? Email, string? Password, string? DisplayName, int? BirthYear, string? Language)
{
    /// <summary>Checks every field and returns all broken rules at once, so a form can show them together.</summary>
    public ValidationErrors Validate(int currentYear, int minimumAge)
    {
        // In the order the sign-up form asks, so the error summary reads top to bottom like the form.
        var errors = new ValidationErrors();
        AccountRules.CheckDisplayName(DisplayName, errors);
        AccountRules.CheckEmail(Email, errors);
        if (string.IsNullOrEmpty(Password))
        {
            errors.Add("password", "Password.Required");
        }

        AccountRules.CheckBirthYear(BirthYear, currentYear, minimumAge, errors);
        AccountRules.CheckLanguage(Language, errors);
        return errors;
    }
}
