using Passport.Domain.Sectors;

namespace Passport.Domain.Tests.Sectors;

internal static class TestSectors
{
    public static Sector Named(string id) =>
        new(id, new Dictionary<string, string> { ["en"] = id, ["nl"] = id, ["da"] = id, ["nb"] = id });

    public static SectorCatalog Catalog(params string[] ids) => new(ids.Select(Named));
}
