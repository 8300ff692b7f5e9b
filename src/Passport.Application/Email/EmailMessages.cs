using MimeKit;
using Passport.Data.Email;

namespace Passport.Application.Email;

/// <summary>Turns an outbox message into the MIME message that is sent or written to the pickup folder.</summary>
public static class EmailMessages
{
    /// <summary>
    /// A multipart/alternative message (plain text first, then HTML, as clients pick the last part they can show)
    /// whose <c>Message-ID</c> is made from the outbox id, so every attempt at one message carries the same id.
    /// </summary>
    public static MimeMessage ToMime(OutboxMessage message, MailboxAddress from)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(from);
        var mime = new MimeMessage
        {
            MessageId = MessageId(message.Id, from),
            Date = message.DueAt,
            Subject = message.Subject,
            Body = new BodyBuilder { TextBody = message.Text, HtmlBody = message.Html }.ToMessageBody(),
        };
        mime.From.Add(from);
        mime.To.Add(MailboxAddress.Parse(message.Recipient));
        // Content-* headers belong to the body (MimeKit writes them at the top of the message); each part says it too.
        foreach (var entity in mime.BodyParts.Prepend(mime.Body))
        {
            entity.Headers.Add(HeaderId.ContentLanguage, message.Language);
        }

        // Mail programs should not answer an automatic message with an automatic reply (RFC 3834).
        mime.Headers.Add("Auto-Submitted", "auto-generated");
        return mime;
    }

    /// <summary>The <c>Message-ID</c> (without angle brackets) of outbox message <paramref name="id"/>.</summary>
    public static string MessageId(Guid id, MailboxAddress from)
    {
        ArgumentNullException.ThrowIfNull(from);
        var domain = from.Domain;
        return $"{id:N}@{(string.IsNullOrEmpty(domain) ? "passport.invalid" : domain)}";
    }
}
