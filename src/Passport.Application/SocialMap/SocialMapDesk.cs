using System.Security.Claims;
using Passport.Application.Accounts;
using Passport.Data.Organisations;
using Passport.Data.SocialMap;
using Passport.Domain.Accounts;
using Passport.Domain.Insights;
using Passport.Domain.Organisations;
using Passport.Domain.Places;
using Passport.Domain.SocialMap;
using Passport.Domain.Validation;
using Passport.Grains.JobSeekers;
using Passport.Matching;

namespace Passport.Application.SocialMap;

/// <summary>
/// The social map: a municipality's staff curate their own entries and see each one's reach and impact; young people
/// see the listed organisations nearest to a place first. Only the curating municipality sees or changes an entry
/// that is not listed; every other caller gets "not found".
/// </summary>
public sealed class SocialMapDesk(SocialMapRepository map, OrganisationRepository organisations, PlaceCatalog places, IGrainFactory grains, TimeProvider time)
{
    public async Task<Outcome<MapEntry>> AddAsync(ClaimsPrincipal staff, MapOrganisationDraft draft, CancellationToken cancellationToken = default)
    {
        var (municipalityId, values, refused) = await CheckAsync(staff, draft, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }

        var at = time.GetUtcNow();
        var id = Guid.CreateVersion7(at);
        await map.AddAsync(id, municipalityId, values!, at, cancellationToken);
        return Outcome.Done(Entry((await map.FindAsync(id, cancellationToken))!, null));
    }

    public async Task<Outcome<MapEntry>> UpdateAsync(ClaimsPrincipal staff, Guid id, MapOrganisationDraft draft, CancellationToken cancellationToken = default)
    {
        var (municipalityId, values, refused) = await CheckAsync(staff, draft, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }

        return await map.UpdateAsync(id, municipalityId, values!, time.GetUtcNow(), cancellationToken)
            ? Outcome.Done(Entry((await map.FindAsync(id, cancellationToken))!, null))
            : Outcome.Fail<MapEntry>(OutcomeStatus.NotFound, "SocialMap.Problem.NotFound");
    }

    /// <summary>One entry of the caller's own map, for its edit form; not found when it is another municipality's.</summary>
    public async Task<MapEntry?> FindOwnAsync(ClaimsPrincipal staff, Guid id, CancellationToken cancellationToken = default) =>
        await MunicipalityOfAsync(staff, cancellationToken) is { } municipalityId
        && await map.FindAsync(id, cancellationToken) is { } organisation
        && organisation.MunicipalityId == municipalityId
            ? Entry(organisation, null)
            : null;

    /// <summary>The caller's own map by name, listed or not, with each entry's reach and impact (suppressed below five).</summary>
    public async Task<Outcome<IReadOnlyList<CuratedEntry>>> ListOwnAsync(ClaimsPrincipal staff, CancellationToken cancellationToken = default)
    {
        if (await MunicipalityOfAsync(staff, cancellationToken) is not { } municipalityId)
        {
            return NotAMunicipality<IReadOnlyList<CuratedEntry>>();
        }

        var reach = await map.ReachAsync(municipalityId, cancellationToken);
        var entries = await map.ListOfMunicipalityAsync(municipalityId, cancellationToken);
        return Outcome.Done<IReadOnlyList<CuratedEntry>>([.. entries.Select(organisation =>
        {
            var counts = reach.GetValueOrDefault(organisation.Id) ?? new MapReach(0, 0, 0, 0);
            return new CuratedEntry(
                Entry(organisation, null),
                new MapImpact(PeopleCount.Of(counts.Referred), PeopleCount.Of(counts.Went), PeopleCount.Of(counts.Stayed), PeopleCount.Of(counts.Helped)));
        })]);
    }

    /// <summary>
    /// The listed organisations nearest to <paramref name="placeId"/> first (by default the young person's home place;
    /// by name when neither is known), only those offering <paramref name="offer"/> when given. An unknown place or
    /// offer is a broken rule.
    /// </summary>
    public async Task<Outcome<IReadOnlyList<MapEntry>>> NearAsync(ClaimsPrincipal user, string? placeId, string? offer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        var errors = new ValidationErrors();
        var filter = (SocialMapOffer?)null;
        if (!string.IsNullOrEmpty(offer))
        {
            if (SocialMapNames.TryParse<SocialMapOffer>(offer, out var parsed))
            {
                filter = parsed;
            }
            else
            {
                errors.Add("offer", "SocialMap.Offer.Unknown", offer);
            }
        }

        if (!string.IsNullOrEmpty(placeId) && !places.IsKnown(placeId))
        {
            errors.Add("place", "SocialMap.Place.Unknown", placeId);
        }

        if (!errors.IsValid)
        {
            return Outcome.Invalid<IReadOnlyList<MapEntry>>(errors);
        }

        var from = places.Find(string.IsNullOrEmpty(placeId) ? await HomePlaceAsync(user) : placeId);
        var entries = (await map.ListListedAsync(cancellationToken))
            .Where(organisation => filter is not { } wanted || organisation.Offers.Contains(wanted))
            .Select(organisation => Entry(organisation, from))
            .OrderBy(entry => entry.DistanceKm ?? 0)
            .ThenBy(entry => entry.Organisation.Name, StringComparer.CurrentCulture);
        return Outcome.Done<IReadOnlyList<MapEntry>>([.. entries]);
    }

    /// <summary>A listed organisation a step may refer to; null when there is none with that id or it did not agree to be listed.</summary>
    public async Task<MapOrganisation?> FindListedAsync(Guid id, CancellationToken cancellationToken = default) =>
        await map.FindAsync(id, cancellationToken) is { Listed: true } organisation ? organisation : null;

    private async Task<string?> HomePlaceAsync(ClaimsPrincipal user) =>
        user.IsInRole(Roles.JobSeeker) && user.GetUserId() is { } userId
            ? (await grains.GetGrain<IJobSeekerGrain>(userId).GetPreferencesAsync()).HomePlace
            : null;

    private MapEntry Entry(MapOrganisation organisation, Place? from)
    {
        var place = places.Find(organisation.PlaceId);
        var name = place?.Name ?? organisation.PlaceId;
        var distance = from is not null && place is not null
            ? Math.Round(Geo.DistanceKm(new GeoPoint(from.Latitude, from.Longitude), new GeoPoint(place.Latitude, place.Longitude)), 1)
            : (double?)null;
        return new MapEntry(organisation, name, name, distance);
    }

    /// <summary>The caller's municipality and the entry's checked values; or why not (not a municipality, broken rules).</summary>
    private async Task<(Guid MunicipalityId, MapOrganisationValues? Values, Outcome<MapEntry>? Refused)> CheckAsync(
        ClaimsPrincipal staff, MapOrganisationDraft draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (await MunicipalityOfAsync(staff, cancellationToken) is not { } municipalityId)
        {
            return (Guid.Empty, null, NotAMunicipality<MapEntry>());
        }

        var (errors, values) = draft.Validate(places);
        return values is null ? (municipalityId, null, Outcome.Invalid<MapEntry>(errors)) : (municipalityId, values, null);
    }

    /// <summary>The caller's organisation when it is a municipality; null for anyone else.</summary>
    private async Task<Guid?> MunicipalityOfAsync(ClaimsPrincipal staff, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(staff);
        return staff.GetOrganisationId() is { } organisationId
            && await organisations.FindAsync(organisationId, cancellationToken) is { Kind: OrganisationKind.Municipality }
                ? organisationId
                : null;
    }

    private static Outcome<T> NotAMunicipality<T>() => Outcome.Fail<T>(OutcomeStatus.Forbidden, "SocialMap.Problem.NotAMunicipality");
}
