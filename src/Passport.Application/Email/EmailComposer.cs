using System.Globalization;
using System.Net;
using System.Resources;
using System.Text;
using Passport.Data.Email;
using Passport.Domain.Accounts;

namespace Passport.Application.Email;

/// <summary>The three parts of a composed e-mail.</summary>
public sealed record EmailContent(string Subject, string Text, string Html);

/// <summary>
/// Writes e-mails in the recipient's language from the texts in <c>EmailTexts*.resx</c> (see <see cref="EmailTexts"/>
/// for the keys of a kind). Every message starts with the two-line summary a lock screen shows (what; when, where,
/// what to bring), then the details, then the link if there is one. The same values fill the <c>{0}</c>, <c>{1}</c>
/// … of every text of the kind; in the HTML part they are HTML-encoded, like the texts themselves.
/// </summary>
public sealed class EmailComposer(EmailLinks links)
{
    private static readonly ResourceManager Texts = new("Passport.Application.Email.EmailTexts", typeof(EmailTexts).Assembly);

    /// <summary>
    /// Composes a message of <paramref name="kind"/> for <paramref name="to"/>, ready for
    /// <see cref="Outbox.EnqueueAsync"/>. <paramref name="linkPath"/> (e.g. <c>/invitations/accept?token=…</c>) becomes
    /// an absolute link against <c>Email:PublicBaseUrl</c>.
    /// </summary>
    public OutgoingEmail Compose(
        Guid id, string to, string language, string kind, IReadOnlyList<object?> values, string? linkPath, DateTimeOffset dueAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(to);
        var content = Compose(kind, language, values, linkPath);
        return new OutgoingEmail(id, to, Supported(language), kind, content.Subject, content.Text, content.Html, dueAt);
    }

    /// <summary>Composes subject, plain text and HTML of a message of <paramref name="kind"/>.</summary>
    /// <exception cref="InvalidOperationException">A text the kind must have is missing.</exception>
    public EmailContent Compose(string kind, string language, IReadOnlyList<object?> values, string? linkPath = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        ArgumentNullException.ThrowIfNull(values);
        var culture = CultureInfo.GetCultureInfo(Supported(language));
        var plain = values.Select(value => value switch
        {
            null => "",
            IFormattable formattable => formattable.ToString(null, culture),
            _ => value.ToString() ?? "",
        }).ToArray();
        var encoded = plain.Select(value => (object)WebUtility.HtmlEncode(value)).ToArray();
        var raw = plain.Cast<object>().ToArray();

        string Required(string key) => Optional(key) ?? throw new InvalidOperationException($"E-mail text '{kind}.{key}' is missing.");
        string? Optional(string key) => Texts.GetString($"{kind}.{key}", culture);

        var subject = Format(culture, Required("Subject"), raw);
        var summary = Required("Summary");
        var summaryDetail = Required("SummaryDetail");
        var details = Optional("Details")?.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
        var link = linkPath is null ? null : links.To(linkPath);
        var action = link is null ? null : Required("Action");
        var footer = Texts.GetString("Email.Footer", culture)!;

        var text = new StringBuilder()
            .Append(Format(culture, summary, raw)).Append('\n')
            .Append(Format(culture, summaryDetail, raw)).Append('\n');
        foreach (var paragraph in details)
        {
            text.Append('\n').Append(Format(culture, paragraph, raw)).Append('\n');
        }

        if (link is not null)
        {
            text.Append('\n').Append(Format(culture, action!, raw)).Append(":\n").Append(link.AbsoluteUri).Append('\n');
        }

        text.Append("\n-- \n").Append(footer).Append('\n');

        var html = new StringBuilder()
            .Append("<!DOCTYPE html>\n<html lang=\"").Append(culture.Name).Append("\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(Html(culture, Required("Subject"), encoded)).Append("</title>\n</head>\n")
            .Append("<body style=\"margin:0;padding:16px;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#1a1a1a;background:#ffffff\">\n")
            .Append("<div style=\"max-width:600px;margin:0 auto\">\n")
            .Append("<p style=\"font-size:18px;margin:0 0 16px\"><strong>").Append(Html(culture, summary, encoded)).Append("</strong><br>\n")
            .Append(Html(culture, summaryDetail, encoded)).Append("</p>\n");
        foreach (var paragraph in details)
        {
            html.Append("<p style=\"margin:0 0 16px\">").Append(Html(culture, paragraph, encoded).Replace("\n", "<br>\n", StringComparison.Ordinal)).Append("</p>\n");
        }

        if (link is not null)
        {
            var href = WebUtility.HtmlEncode(link.AbsoluteUri);
            html.Append("<p style=\"margin:24px 0\"><a href=\"").Append(href)
                .Append("\" style=\"display:inline-block;padding:12px 20px;background:#0b5cad;color:#ffffff;text-decoration:none;border-radius:4px;font-weight:bold\">")
                .Append(Html(culture, action!, encoded)).Append("</a></p>\n")
                .Append("<p style=\"margin:0 0 16px;font-size:14px\">").Append(WebUtility.HtmlEncode(Texts.GetString("Email.LinkFallback", culture)))
                .Append("<br>\n<a href=\"").Append(href).Append("\" style=\"color:#0b5cad;word-break:break-all\">").Append(href).Append("</a></p>\n");
        }

        html.Append("<p style=\"margin:32px 0 0;font-size:14px;color:#555555\">").Append(WebUtility.HtmlEncode(footer)).Append("</p>\n")
            .Append("</div>\n</body>\n</html>\n");

        return new EmailContent(subject, text.ToString(), html.ToString());
    }

    /// <summary>A text from the e-mail texts that is a part of a message, not a whole one (e.g. <c>appointment.BringNothing</c>).</summary>
    /// <exception cref="InvalidOperationException">The text is missing.</exception>
    public static string Phrase(string key, CultureInfo culture) =>
        Texts.GetString(key, culture) ?? throw new InvalidOperationException($"E-mail text '{key}' is missing.");

    /// <summary>The two-line summary a composed message's text starts with: what its in-app notification shows as title and body.</summary>
    public static (string Title, string Body) Summary(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Split('\n', 3);
        return (lines[0], lines[1]);
    }

    private static string Supported(string? language) => Languages.IsSupported(language) ? language! : Languages.Default;

    private static string Format(CultureInfo culture, string template, object[] values) => string.Format(culture, template, values);

    // The template is encoded before the values go in, so a value is encoded once and the template's own
    // characters (an ampersand, a quote) are safe too; encoding leaves the {0} placeholders alone.
    private static string Html(CultureInfo culture, string template, object[] encodedValues) =>
        string.Format(culture, WebUtility.HtmlEncode(template), encodedValues);
}
