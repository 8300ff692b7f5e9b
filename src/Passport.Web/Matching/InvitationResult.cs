using Passport.Application.Consent;
using Passport.Domain.Validation;
using Passport.Web.Consent;

namespace Passport.Web.Matching;

/// <summary>
/// How inviting a candidate went: <c>Done</c> with the invitation, <c>Invalid</c> with the errors, <c>RequestPending</c>
/// when the organisation asked already and waits for an answer, <c>NotFound</c> when the candidate cannot be asked,
/// <c>LimitReached</c> when the vacancy has all the invitations it may have and <c>TooManyRequests</c> when the
/// employer sent as many requests today as allowed (<c>Limit</c>, <c>RetryAfter</c>).
/// </summary>
public sealed record InvitationResult(
    ConsentOutcomeKind Kind, InvitationView? Invitation = null, ValidationErrors? Errors = null, int? Limit = null, TimeSpan? RetryAfter = null);
