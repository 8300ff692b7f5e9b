using Passport.Application.People;
using Passport.Data.Notifications;
using Passport.Domain.Handovers;

namespace Passport.Application.Handovers;

/// <summary>The names a hand-over's notices fill in, looked up once per move.</summary>
/// <param name="Person">The young person.</param>
/// <param name="SendingOrganisation">The name of the organisation handing over.</param>
/// <param name="ReceivingOrganisation">The name of the organisation taking over.</param>
public sealed record HandoverParties(NoticeRecipient Person, string SendingOrganisation, string ReceivingOrganisation);

/// <summary>
/// What everyone involved in a hand-over is told at each move, in the app and by e-mail (their channels decide), in
/// the transaction of the move itself. The texts are the e-mail texts of each kind (<c>EmailTexts*.resx</c>); every
/// kind fills in the same values: {0} sending organisation, {1} receiving organisation, {2} the young person's name,
/// {3} the new contact person's name, {4} a reason, {5} the sending contact person's name.
/// </summary>
public sealed class HandoverNotices(PeopleNotices notices)
{
    public const string Proposed = "handover-proposed";
    public const string Consented = "handover-consented";
    public const string Accepted = "handover-accepted";
    public const string Declined = "handover-declined";
    public const string Withdrawn = "handover-withdrawn";
    public const string Completed = "handover-completed";
    public const string Expired = "handover-expired";

    /// <summary>What staff are told is worded for them: the same kind with this ending (the consent goes to staff only).</summary>
    public const string StaffEnding = "-staff";

    /// <summary>Every kind made here; they name people, whose names leave them when an account is erased.</summary>
    public static readonly IReadOnlyCollection<string> Kinds =
    [
        Proposed, Consented, Accepted, Declined, Withdrawn, Completed, Expired,
        Accepted + StaffEnding, Declined + StaffEnding, Withdrawn + StaffEnding, Completed + StaffEnding, Expired + StaffEnding,
    ];

    /// <summary>Where the young person sees their hand-overs, and where staff see their organisation's.</summary>
    public const string MinePath = "/my-handovers";
    public const string OrganisationPath = "/organisation/handovers";

    /// <summary>
    /// The notices of the move <paramref name="handover"/> just made (its status now), to <paramref name="staff"/> (the
    /// sending contact person or the receiving side, as the move calls for) and, for every move but the consent, to the
    /// young person, who made that one themself.
    /// </summary>
    public async Task<IReadOnlyList<PersonNotice>> ForAsync(
        Handover handover, HandoverParties parties, IReadOnlyCollection<Guid> staff, string? newContactName, string? sendingContactName,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handover);
        ArgumentNullException.ThrowIfNull(parties);
        ArgumentNullException.ThrowIfNull(staff);
        var kind = KindOf(handover.Status);
        var values = new object?[]
        {
            parties.SendingOrganisation, parties.ReceivingOrganisation, parties.Person.Name, newContactName ?? "", handover.DeclinedReason ?? "",
            sendingContactName ?? "",
        };
        // One notice per move and recipient: ids follow from the cause, so a retried move tells nobody twice.
        string Cause(Guid recipient) => $"{handover.Id}:{handover.Version}:{recipient}";
        var result = new List<PersonNotice>();
        if (handover.Status != HandoverStatus.Consented)
        {
            result.Add(notices.Make(Cause(parties.Person.PersonId), parties.Person, kind, values, MinePath, now));
        }

        foreach (var userId in staff.Distinct().Where(userId => userId != handover.PersonId))
        {
            var to = await notices.RecipientAsync(userId, cancellationToken);
            var staffKind = handover.Status == HandoverStatus.Consented ? kind : kind + StaffEnding;
            result.Add(notices.Make(Cause(userId), to, staffKind, values, OrganisationPath, now));
        }

        return result;
    }

    private static string KindOf(HandoverStatus status) => status switch
    {
        HandoverStatus.Proposed => Proposed,
        HandoverStatus.Consented => Consented,
        HandoverStatus.Accepted => Accepted,
        HandoverStatus.Declined => Declined,
        HandoverStatus.Withdrawn => Withdrawn,
        HandoverStatus.Completed => Completed,
        HandoverStatus.Expired => Expired,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };
}
