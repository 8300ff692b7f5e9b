using Passport.Domain.Accounts;

namespace Passport.Domain.Tests.Accounts;

public sealed class CredentialsTests
{
    [Fact]
    public void Validate_BlankEmailAndEmptyPassword_NamesBoth()
    {
        var codes = new Domain.Accounts.Credentials("  ", "").Validate().Errors.Select(error => $"{error.Field}:{error.Code}");

        Assert.Equal(["email:Email.Required", "password:Password.Required"], codes);
    }

    [Fact]
    public void Validate_BothGiven_IsValidWithoutJudgingThePassword()
    {
        Assert.True(new Domain.Accounts.Credentials("sam@example.org", "x").Validate().IsValid);
    }
}
