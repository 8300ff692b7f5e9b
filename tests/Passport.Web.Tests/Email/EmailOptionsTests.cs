using Passport.Application.Email;
using Passport.Web.Tests.Hosting;

namespace Passport.Web.Tests.Email;

/// <summary>E-mail settings are checked at start; a wrong one stops the host with one line naming it.</summary>
public sealed class EmailOptionsTests
{
    private static List<string> Failures(EmailOptions options) =>
        new EmailOptionsValidator().Validate(null, options).Failures?.ToList() ?? [];

    [Fact]
    public void Validate_Defaults_Pass() => Assert.Empty(Failures(new EmailOptions()));

    [Theory]
    [InlineData("From", "Email:From")]
    [InlineData("PublicBaseUrl", "Email:PublicBaseUrl")]
    [InlineData("Port", "Email:Smtp:Port")]
    [InlineData("UserNameOnly", "Email:Smtp:UserName")]
    [InlineData("MaxAttempts", "Email:MaxAttempts")]
    [InlineData("ShortLease", "Email:Lease")]
    [InlineData("RetryAboveMax", "Email:MaxRetryDelay")]
    public void Validate_WrongSetting_NamesIt(string wrong, string named)
    {
        var options = new EmailOptions();
        switch (wrong)
        {
            case "From": options.From = "not an address"; break;
            case "PublicBaseUrl": options.PublicBaseUrl = "ftp://example.org"; break;
            case "Port": options.Smtp.Port = 0; break;
            case "UserNameOnly": options.Smtp.UserName = "passport"; break;
            case "MaxAttempts": options.MaxAttempts = 0; break;
            case "ShortLease": options.Lease = TimeSpan.FromSeconds(30); break;
            default: options.RetryDelay = TimeSpan.FromHours(2); break;
        }

        Assert.Contains(Failures(options), failure => failure.Contains(named, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Start_EmailFromNotAnAddress_ExitsWithOneLineNamingTheSetting()
    {
        var result = await HostProcess.RunUntilExitAsync("--Email:From=not an address");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("Passport cannot start: Email:From 'not an address' is not an e-mail address.", result.StandardError.Trim());
    }
}
