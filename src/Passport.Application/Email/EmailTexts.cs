namespace Passport.Application.Email;

/// <summary>
/// Marker for the texts of e-mails (<c>EmailTexts.resx</c> and its nl, da and nb translations), read by
/// <see cref="EmailComposer"/>. Each kind of message has its keys under its kind: <c>{kind}.Subject</c>,
/// <c>{kind}.Summary</c> (what), <c>{kind}.SummaryDetail</c> (when, where, what to bring), optionally
/// <c>{kind}.Details</c> (paragraphs split by an empty line) and <c>{kind}.Action</c> (the link's words).
/// </summary>
public sealed class EmailTexts;
