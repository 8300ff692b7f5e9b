using Passport.Domain.Validation;

namespace Passport.Domain.Accounts;

/// <summary>What a person types to sign in, on a page or through the API.</summary>
public sealed record Credentials(string? Email, string? Password)
{
    public ValidationErrors Validate()
    {
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(Email))
        {
            errors.Add("email", "Email.Required");
        }

        if (string.IsNullOrEmpty(Password))
        {
            errors.Add("password", "Password.Required");
        }

        return errors;
    }
}
