namespace Passport.Domain.Credentials;

/// <summary>Where an issued credential stands; stored by name, so never rename a member.</summary>
public enum CredentialStatus
{
    Issued,
    Revoked,
}
