using System.Security.Claims;
using Microsoft.Extensions.Options;
using Passport.Application.Accounts;
using Passport.Application.Handovers;
using Passport.Application.Passports;
using Passport.Application.PersonalData;
using Passport.Data.Journeys;
using Passport.Data.Organisations;
using Passport.Domain.Consent;
using Passport.Domain.Journeys;

namespace Passport.Application.Journeys;

/// <summary>A journey as shown: its entries oldest first, and what the young person is doing now as far as their turning points tell.</summary>
public sealed record JourneyView(IReadOnlyList<JourneyEntry> Entries, JourneyStatus Status);

/// <summary>
/// The young person's journey, for them and for the professionals they share their plan with. Staff reach it only
/// through the consent door (<see cref="IPersonalData"/>, category <c>plan</c>), which logs every read and answers the
/// same "not found" for every refusal.
/// </summary>
public sealed class MyJourney(
    JourneyRepository journeys, IPersonalData personalData, OrganisationRepository organisations, PassportCalendar calendar, TimeProvider time,
    IOptions<HandoverOptions> options)
{
    public async Task<JourneyView> GetMineAsync(ClaimsPrincipal person, CancellationToken cancellationToken = default) =>
        await ViewAsync(PersonIdOf(person), cancellationToken);

    public async Task<Outcome<JourneyView>> AddMineAsync(ClaimsPrincipal person, JourneyEventInput input, CancellationToken cancellationToken = default)
    {
        var personId = PersonIdOf(person);
        return await AddAsync(personId, input, personId, NameOf(person), null, cancellationToken);
    }

    /// <summary>A person's journey for staff: read and logged through the door; null when they do not share their plan with the caller's organisation.</summary>
    public async Task<JourneyView?> ReadAsync(ClaimsPrincipal staff, Guid personId, AccessChannel channel, CancellationToken cancellationToken = default) =>
        await personalData.ReadAsync(staff, personId, [DataCategory.Plan], channel, cancellationToken) is null
            ? null
            : await ViewAsync(personId, cancellationToken);

    /// <summary>A professional records a turning point under the person's plan consent, with their name and organisation.</summary>
    public async Task<Outcome<JourneyView>> AddAsStaffAsync(
        ClaimsPrincipal staff, Guid personId, JourneyEventInput input, AccessChannel channel, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(staff);
        if (await personalData.ReadAsync(staff, personId, [DataCategory.Plan], channel, cancellationToken) is null)
        {
            return Outcome.Fail<JourneyView>(OutcomeStatus.NotFound, "Consent.Problem.PersonNotFound");
        }

        var organisation = await organisations.FindAsync(staff.GetOrganisationId()!.Value, cancellationToken);
        return await AddAsync(personId, input, staff.GetUserId()!.Value, NameOf(staff), organisation?.Name, cancellationToken);
    }

    private async Task<Outcome<JourneyView>> AddAsync(
        Guid personId, JourneyEventInput input, Guid recordedBy, string name, string? organisationName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = input.Validate(calendar.Today(), out var kind);
        if (!errors.IsValid)
        {
            return Outcome.Invalid<JourneyView>(errors);
        }

        var now = time.GetUtcNow();
        await journeys.AddAsync(
            new NewTurningPoint(Guid.CreateVersion7(now), personId, kind, input.OccurredOn!.Value, input.TrimmedNote, recordedBy, name, organisationName, now),
            cancellationToken);
        return Outcome.Done(await ViewAsync(personId, cancellationToken));
    }

    private async Task<JourneyView> ViewAsync(Guid personId, CancellationToken cancellationToken)
    {
        var facts = await journeys.ReadAsync(personId, cancellationToken);
        var entries = JourneyTimeline.Build(facts, options.Value.WarmWithin, at => DateOnly.FromDateTime(calendar.Local(at).DateTime));
        return new JourneyView(entries, JourneyStatuses.After(facts.TurningPoints.Select(point => point.Kind)));
    }

    private static Guid PersonIdOf(ClaimsPrincipal person) =>
        person?.GetUserId() ?? throw new InvalidOperationException("Only a signed-in job seeker has a journey.");

    private static string NameOf(ClaimsPrincipal user) => user.FindFirstValue(PassportClaims.Name) ?? "";
}
