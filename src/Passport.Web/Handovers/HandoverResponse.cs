using System.Text.Json;
using Passport.Application.Handovers;

namespace Passport.Web.Handovers;

/// <summary>A hand-over as the API shows it to one of its parties (statuses, sides and who declined in camelCase).</summary>
public sealed record HandoverResponse(
    Guid Id,
    string Status,
    string Side,
    HandoverResponse.Party Person,
    HandoverResponse.Organisation Sending,
    HandoverResponse.Organisation Receiving,
    HandoverResponse.NoteBody Note,
    IReadOnlyList<HandoverResponse.Step> Steps,
    DateTimeOffset ProposedAt,
    DateTimeOffset ExpiresAt,
    DateTimeOffset? ConsentedAt,
    DateTimeOffset? AcceptedAt,
    DateTimeOffset? MetAt,
    DateTimeOffset? CompletedAt,
    string? DeclinedBy,
    string? DeclinedReason,
    bool Warm,
    DateTimeOffset? SendingAccessUntil,
    int Version,
    IReadOnlyList<HandoverResponse.Move> History)
{
    public sealed record Party(Guid? Id, string? Name);

    /// <summary>An organisation, with its contact person there (the sending one, or the named and the new one when receiving).</summary>
    public sealed record Organisation(Guid Id, string Name, Party? ContactPerson, Party? NamedPerson);

    public sealed record NoteBody(string Done, string Wants, string? WatchFor);

    public sealed record Step(Guid Id, string Title, string? Meaning);

    public sealed record Move(DateTimeOffset At, string Status, string? Side, string? Name, string? Organisation, string? Detail);

    public static HandoverResponse From(HandoverSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var handover = summary.Handover;
        return new HandoverResponse(
            handover.Id, Camel(handover.Status.ToString()), Camel(summary.ViewerSide.ToString()),
            new Party(handover.PersonId, summary.PersonName),
            new Organisation(handover.SendingOrganisationId, summary.SendingOrganisationName, new Party(handover.SendingContactPersonId, summary.SendingContactName), null),
            new Organisation(
                handover.ReceivingOrganisationId, summary.ReceivingOrganisationName,
                handover.NewContactPersonId is null ? null : new Party(handover.NewContactPersonId, summary.NewContactName),
                handover.ReceivingPersonId is null ? null : new Party(handover.ReceivingPersonId, summary.ReceivingPersonName)),
            new NoteBody(handover.Note.Done ?? "", handover.Note.Wants ?? "", handover.Note.WatchFor),
            [.. summary.Steps.Select(step => new Step(step.Id, step.Title, step.Meaning))],
            handover.ProposedAt, handover.ExpiresAt, handover.ConsentedAt, handover.AcceptedAt, handover.MetAt, handover.CompletedAt,
            handover.DeclinedBy is { } declinedBy ? Camel(declinedBy.ToString()) : null, handover.DeclinedReason, summary.IsWarm, summary.SendingAccessUntil,
            handover.Version,
            [.. handover.History.Select(entry => new Move(
                entry.At, Camel(entry.Status.ToString()), entry.ActorSide is { } side ? Camel(side.ToString()) : null, entry.ActorName, entry.OrganisationName, entry.Detail))]);
    }

    private static string Camel(string name) => JsonNamingPolicy.CamelCase.ConvertName(name);
}
