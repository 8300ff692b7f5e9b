using Passport.Domain.Validation;

namespace Passport.Domain.Accounts;

/// <summary>The account fields every user may change about themselves.</summary>
public sealed record ProfileUpdate(string? DisplayName, string? Language)
{
    public ValidationErrors Validate()
    {
        var errors = new ValidationErrors();
        AccountRules.CheckDisplayName(DisplayName, errors);
        AccountRules.CheckLanguage(Language, errors);
        return errors;
    }
}
