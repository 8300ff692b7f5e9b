using Passport.Application.Localization;
using Passport.Data.Pathways;
using Passport.Domain.Pathways;
using Passport.Grains.Pathways;
using Passport.Matching;
using Passport.Matching.Advice;

namespace Passport.Application.Matching;

/// <summary>The pathways open for new students, as advice needs them.</summary>
public sealed class PathwayOffers(PathwayRepository pathways)
{
    public async Task<IReadOnlyList<PathwayOffer>> ListOpenAsync(CancellationToken cancellationToken)
    {
        var published = await pathways.ListPublishedAsync(cancellationToken);
        return [.. published
            .Select(PathwayRows.ToView)
            .Where(view => view.Status == PathwayStatus.Open)
            .Select(Offer)];
    }

    /// <summary>The open pathways within <paramref name="maxDistanceKm"/> of where the person lives (all when they did not say).</summary>
    public async Task<IReadOnlyList<PathwayOffer>> ListOpenNearAsync(CandidateProfile person, double maxDistanceKm, CancellationToken cancellationToken) =>
        PathwayAdvice.Within(person, await ListOpenAsync(cancellationToken), maxDistanceKm);

    /// <summary>One pathway as advice sees it, whatever its status.</summary>
    public static PathwayOffer Offer(PathwayView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return new PathwayOffer(
            view.Id,
            view.Content.TitleIn(TextLanguage.Current()),
            view.OrganisationName,
            view.Content.Place,
            view.Content.DurationWeeks,
            view.Content.EntryRequirements.ToDictionary(r => r.SkillId, r => r.MinimumLevel, StringComparer.Ordinal),
            view.Content.Gains.ToDictionary(g => g.SkillId, g => g.ExpectedGain, StringComparer.Ordinal))
        {
            Location = new GeoPoint(view.Content.Latitude, view.Content.Longitude),
            StartsOn = view.Content.StartsOn,
            EndsOn = view.Content.EndsOn,
        };
    }

    public static PathwayRef Ref(PathwayOffer offer)
    {
        ArgumentNullException.ThrowIfNull(offer);
        return new PathwayRef(offer.Id, offer.Title, offer.ProviderName, offer.Place, offer.DurationWeeks);
    }
}
