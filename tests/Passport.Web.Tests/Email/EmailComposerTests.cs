using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Passport.Application.Email;

namespace Passport.Web.Tests.Email;

/// <summary>Messages start with the two-line summary, carry both parts in the recipient's language, and encode values in HTML.</summary>
public sealed class EmailComposerTests
{
    private static EmailComposer Composer(string? publicBaseUrl = "https://passport.example.org") =>
        new(new EmailLinks(Options.Create(new EmailOptions { PublicBaseUrl = publicBaseUrl }), new ServiceCollection().BuildServiceProvider()));

    [Fact]
    public void Compose_TextPart_StartsWithTheTwoLineSummaryThenDetailsThenLink()
    {
        var content = Composer().Compose("admin-test", "en", ["7 December"], "/admin/email");

        var lines = content.Text.Split('\n');
        Assert.Equal("This is a test e-mail from Passport.", lines[0]);
        Assert.Equal("An admin sent it on 7 December. You do not need to do anything.", lines[1]);
        Assert.Equal("", lines[2]);
        Assert.StartsWith("You can read this e-mail.", lines[3], StringComparison.Ordinal);
        Assert.Contains("https://passport.example.org/admin/email", content.Text, StringComparison.Ordinal);
        Assert.Equal("Test e-mail from Passport", content.Subject);
    }

    [Fact]
    public void Compose_ValueWithMarkup_IsEncodedInHtmlOnly()
    {
        var content = Composer().Compose("admin-test", "en", ["<b>Tom & \"Jerry\"</b>"]);

        Assert.Contains("&lt;b&gt;Tom &amp; &quot;Jerry&quot;&lt;/b&gt;", content.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>Tom", content.Html, StringComparison.Ordinal);
        Assert.Contains("<b>Tom & \"Jerry\"</b>", content.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("nl", "Dit is een test-e-mail van Passport.")]
    [InlineData("da", "Dette er en test-e-mail fra Passport.")]
    [InlineData("nb", "Dette er en test-e-post fra Passport.")]
    [InlineData("xx", "This is a test e-mail from Passport.")]
    public void Compose_Language_WritesBothPartsInIt(string language, string firstLine)
    {
        var email = Composer().Compose(Guid.NewGuid(), "someone@example.org", language, "admin-test", ["x"], null, DateTimeOffset.UnixEpoch);

        Assert.StartsWith(firstLine + "\n", email.Text, StringComparison.Ordinal);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(firstLine), email.Html, StringComparison.Ordinal);
        Assert.Contains($"lang=\"{(language == "xx" ? "en" : language)}\"", email.Html, StringComparison.Ordinal);
        Assert.Equal(language == "xx" ? "en" : language, email.Language);
    }

    [Fact]
    public void Compose_UnknownKind_Throws()
    {
        Assert.Throws<InvalidOperationException>(() => Composer().Compose("no-such-kind", "en", []));
    }

    [Fact]
    public void Compose_NoPublicBaseUrlNoServer_LinksToLocalhost()
    {
        var content = Composer(publicBaseUrl: null).Compose("admin-test", "en", ["x"], "/admin/email?x=1&y=2");

        Assert.Contains("http://localhost/admin/email?x=1&y=2", content.Text, StringComparison.Ordinal);
        Assert.Contains("href=\"http://localhost/admin/email?x=1&amp;y=2\"", content.Html, StringComparison.Ordinal);
    }
}
