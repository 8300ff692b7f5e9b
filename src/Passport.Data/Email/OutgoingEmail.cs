namespace Passport.Data.Email;

/// <summary>
/// One e-mail to send: already composed (see <c>Passport.Application.Email.EmailComposer</c>) in the recipient's
/// language. <paramref name="Id"/> becomes the message's stable <c>Message-ID</c>, so a message sent twice after a
/// crash is recognisable as one; <paramref name="Kind"/> names what it is about ("invitation", "password-reset",
/// "appointment-booked"); it is not sent before <paramref name="DueAt"/>.
/// </summary>
public sealed record OutgoingEmail(Guid Id, string To, string Language, string Kind, string Subject, string Text, string Html, DateTimeOffset DueAt);
