using Passport.Domain.Accounts;
using Passport.Domain.Validation;

namespace Passport.Domain.Staff;

/// <summary>Whom an organisation invites, and whether they get the organisation-admin right.</summary>
public sealed record InvitationRequest(string? Email, bool OrganisationAdmin)
{
    public ValidationErrors Validate()
    {
        var errors = new ValidationErrors();
        AccountRules.CheckEmail(Email, errors);
        return errors;
    }
}

/// <summary>What the invited person gives to accept: the secret from the link, a password and the name others see.</summary>
public sealed record InvitationAcceptance(string? Token, string? Password, string? DisplayName)
{
    public ValidationErrors Validate()
    {
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(Token))
        {
            errors.Add("token", "Token.Required");
        }

        AccountRules.CheckDisplayName(DisplayName, errors);
        if (string.IsNullOrEmpty(Password))
        {
            errors.Add("password", "Password.Required");
        }

        return errors;
    }
}
