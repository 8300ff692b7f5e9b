using Passport.Domain.Sectors;
using Passport.Web.Hosting;

namespace Passport.Web.Sectors;

/// <summary>Reads <c>content/sectors/sectors.json</c> into the catalogue.</summary>
public static class SectorCatalogLoader
{
    public static SectorCatalog Load(ContentOptions content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return content.ReadJson<SectorsFile, SectorCatalog>(
            file => new SectorCatalog(file.Sectors.Select(sector => new Sector(sector.Id, sector.Names))),
            "sectors", "sectors.json");
    }

    private sealed record SectorsFile(IReadOnlyList<SectorEntry> Sectors);

    private sealed record SectorEntry(string Id, Dictionary<string, string> Names);
}
