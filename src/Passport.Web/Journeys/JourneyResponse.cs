using System.Text.Json;
using Passport.Application.Journeys;
using Passport.Domain.Journeys;

namespace Passport.Web.Journeys;

/// <summary>The journey as the API gives it: what the young person does now, and every entry oldest first. Enum values in camelCase.</summary>
public sealed record JourneyResponse(string Status, IReadOnlyList<JourneyEntryResponse> Entries)
{
    public static JourneyResponse From(JourneyView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return new(Name(view.Status), [.. view.Entries.Select(JourneyEntryResponse.From)]);
    }

    internal static string Name<T>(T value)
        where T : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());
}

/// <summary>One entry; which fields are set depends on <c>kind</c> (turningPoint, planStarted, contactPersonStarted, contactPersonEnded, withoutContactPerson, handover).</summary>
public sealed record JourneyEntryResponse(
    string Kind, DateOnly On, Guid? Id, string? TurningPoint, string? Note, string? Who, string? Organisation, DateOnly? Until, JourneyHandoverResponse? Handover)
{
    public static JourneyEntryResponse From(JourneyEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new(
            JourneyResponse.Name(entry.Kind), entry.On, entry.Id, entry.TurningPoint is { } kind ? JourneyResponse.Name(kind) : null, entry.Note, entry.Who,
            entry.Organisation, entry.Until,
            entry.Handover is { } handover
                ? new JourneyHandoverResponse(
                    JourneyResponse.Name(handover.Status), JourneyResponse.Name(entry.Warmth!.Value), handover.SendingOrganisationName, handover.ReceivingOrganisationName,
                    handover.ProposedAt, handover.ConsentedAt, handover.AcceptedAt, handover.MetAt, handover.CompletedAt, handover.EndedAt)
                : null);
    }
}

/// <summary>A hand-over's dates and whether it was warm, cold, withdrawn or is still open.</summary>
public sealed record JourneyHandoverResponse(
    string Status, string Warmth, string From, string To, DateTimeOffset ProposedAt, DateTimeOffset? ConsentedAt, DateTimeOffset? AcceptedAt,
    DateTimeOffset? MetAt, DateTimeOffset? CompletedAt, DateTimeOffset? EndedAt);
