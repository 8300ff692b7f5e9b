using Passport.Domain.Places;
using Passport.Domain.SocialMap;
using Passport.Web.Hosting;

namespace Passport.Web.Demo;

/// <summary>
/// The demo social map of <c>content/demo/social-map.json</c>, each entry checked against the same rules as an entry sent
/// to the API, so a broken file stops the host at start instead of seeding an entry no municipality could have written.
/// </summary>
public sealed class DemoSocialMap
{
    private DemoSocialMap(Guid municipality, IReadOnlyList<(Guid Id, MapOrganisationValues Values)> organisations, IReadOnlyList<DemoReferrals> referrals)
    {
        Municipality = municipality;
        Organisations = organisations;
        Referrals = referrals;
    }

    /// <summary>The demo municipality that curates the map.</summary>
    public Guid Municipality { get; }

    public IReadOnlyList<(Guid Id, MapOrganisationValues Values)> Organisations { get; }

    public IReadOnlyList<DemoReferrals> Referrals { get; }

    public static DemoSocialMap Load(ContentOptions content, DemoContent demo, PlaceCatalog places)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(demo);
        return content.ReadJson<MapFile, DemoSocialMap>(file => Check(file, demo, places), "demo", "social-map.json");
    }

    private static DemoSocialMap Check(MapFile file, DemoContent demo, PlaceCatalog places)
    {
        if (!demo.Organisations.Any(organisation => organisation.Id == file.Municipality && organisation.Kind == Domain.Organisations.OrganisationKind.Municipality))
        {
            throw new InvalidDataException($"Municipality {file.Municipality} is not a demo municipality.");
        }

        var organisations = new List<(Guid, MapOrganisationValues)>();
        foreach (var entry in file.Organisations ?? throw new InvalidDataException("It has no \"organisations\" list."))
        {
            var (errors, values) = new MapOrganisationDraft(
                entry.Name, entry.Kind, entry.PlaceId, entry.Offers, entry.Languages, entry.OpeningTimes, entry.Phone, entry.Email, entry.Website,
                entry.Listed).Validate(places);
            if (values is null)
            {
                throw new InvalidDataException($"Organisation {entry.Id} breaks rules: {string.Join(", ", errors.Errors.Select(error => $"{error.Field} {error.Code}"))}.");
            }

            if (organisations.Any(known => known.Item1 == entry.Id))
            {
                throw new InvalidDataException($"Organisation {entry.Id} appears twice.");
            }

            organisations.Add((entry.Id, values));
        }

        foreach (var referral in file.Referrals ?? [])
        {
            if (!organisations.Any(organisation => organisation.Item1 == referral.Organisation && organisation.Item2.Listed))
            {
                throw new InvalidDataException($"Referrals name {referral.Organisation}, which is no listed organisation of the file.");
            }

            if (referral.Went > referral.Referred || referral.Stayed > referral.Went || referral.Helped > referral.Went || referral.Referred < 0)
            {
                throw new InvalidDataException($"Referrals to {referral.Organisation}: went, stayed and helped count among those referred and went.");
            }
        }

        return new DemoSocialMap(file.Municipality, organisations, file.Referrals ?? []);
    }

    private sealed record MapFile(Guid Municipality, IReadOnlyList<MapEntryFile>? Organisations, IReadOnlyList<DemoReferrals>? Referrals);

    private sealed record MapEntryFile(
        Guid Id, string? Name, string? Kind, string? PlaceId, IReadOnlyList<string>? Offers, IReadOnlyList<string>? Languages, string? OpeningTimes,
        string? Phone, string? Email, string? Website, bool Listed);
}

/// <summary>How many simulated young people were referred to one organisation, and of them how many went, stayed and were helped.</summary>
public sealed record DemoReferrals(Guid Organisation, int Referred, int Went, int Stayed, int Helped);
