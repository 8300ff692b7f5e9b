using Passport.Domain.Accounts;

namespace Passport.Domain.Tests.Accounts;

public sealed class RegistrationTests
{
    private const int ThisYear = 2026;
    private const int MinimumAge = 13;

    private static Registration Valid() => new("sam@example.org", "long enough", "Sam", 2006, "nl");

    private static IEnumerable<string> Codes(Registration registration) =>
        registration.Validate(ThisYear, MinimumAge).Errors.Select(error => $"{error.Field}:{error.Code}");

    [Fact]
    public void Validate_CompleteRegistration_HasNoErrors()
    {
        Assert.True(Valid().Validate(ThisYear, MinimumAge).IsValid);
    }

    [Fact]
    public void Validate_EverythingMissing_ReportsEveryFieldAtOnce()
    {
        var codes = Codes(new Registration(null, null, null, null, null));

        Assert.Equal(
            ["displayName:DisplayName.Required", "email:Email.Required", "password:Password.Required", "birthYear:BirthYear.Required", "language:Language.Unsupported"],
            codes);
    }

    [Theory]
    [InlineData("not-an-address")]
    [InlineData("Sam <sam@example.org>")]
    [InlineData("sam@localhost")]
    public void Validate_MalformedEmail_IsInvalid(string email)
    {
        Assert.Equal(["email:Email.Invalid"], Codes(Valid() with { Email = email }));
    }

    [Fact]
    public void Validate_TurnsMinimumAgeThisYear_IsAccepted()
    {
        Assert.Empty(Codes(Valid() with { BirthYear = ThisYear - MinimumAge }));
    }

    [Fact]
    public void Validate_OneYearTooYoung_SaysSoWithTheAge()
    {
        var error = Assert.Single((Valid() with { BirthYear = ThisYear - MinimumAge + 1 }).Validate(ThisYear, MinimumAge).Errors);

        Assert.Equal("BirthYear.TooYoung", error.Code);
        Assert.Equal([MinimumAge], error.Arguments);
    }

    [Fact]
    public void Validate_ImplausiblyOld_IsInvalid()
    {
        Assert.Equal(["birthYear:BirthYear.Invalid"], Codes(Valid() with { BirthYear = 1900 }));
    }

    [Theory]
    [InlineData("de")]
    [InlineData("NL")]
    [InlineData("no")]
    public void Validate_LanguageOutsideTheFour_IsUnsupported(string language)
    {
        Assert.Equal(["language:Language.Unsupported"], Codes(Valid() with { Language = language }));
    }

    [Fact]
    public void Validate_DisplayNameOverLimit_IsTooLong()
    {
        Assert.Equal(["displayName:DisplayName.TooLong"], Codes(Valid() with { DisplayName = new string('a', AccountRules.DisplayNameMaxLength + 1) }));
    }

    [Fact]
    public void Validate_DisplayNameWithControlCharacter_IsInvalid()
    {
        Assert.Equal(["displayName:DisplayName.Invalid"], Codes(Valid() with { DisplayName = "Sam\u0007" }));
    }
}
