using System.Text.RegularExpressions;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Passport.Data.Database;
using Passport.Web.Tests.Hosting;

namespace Passport.Web.Tests.OrganisationStaff;

/// <summary>What the outbox holds for an address: the e-mails queued with the change that caused them.</summary>
public static partial class Mail
{
    public sealed record Queued(string Kind, string Language, string Subject, string Text, string Html);

    public static async Task<IReadOnlyList<Queued>> ForAsync(PassportApp app, string recipient)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var connection = await app.Services.GetRequiredService<PassportDatabase>().OpenConnectionAsync();
        return [.. await connection.QueryAsync<Queued>(
            "SELECT kind AS Kind, language AS Language, subject AS Subject, text_body AS Text, html_body AS Html FROM outgoing_emails WHERE recipient = @recipient ORDER BY created_at, id",
            new { recipient })];
    }

    /// <summary>The token in the one link of the only e-mail of this kind to <paramref name="recipient"/>.</summary>
    public static async Task<string> TokenAsync(PassportApp app, string recipient, string kind)
    {
        var mail = Assert.Single(await ForAsync(app, recipient), queued => queued.Kind == kind);
        return TokenIn(mail.Text);
    }

    public static string TokenIn(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var match = TokenPattern().Match(text);
        Assert.True(match.Success, $"No link with a token in: {text}");
        return match.Groups["token"].Value;
    }

    [GeneratedRegex(@"token=(?<token>[A-Za-z0-9_-]{43})\b")]
    private static partial Regex TokenPattern();
}
