using Passport.Domain.Accounts;

namespace Passport.Domain.Sectors;

/// <summary>The fixed list of sectors that vacancies, employers and job-seeker preferences refer to.</summary>
public sealed class SectorCatalog
{
    private readonly Dictionary<string, Sector> _byId;

    public SectorCatalog(IEnumerable<Sector> sectors)
    {
        ArgumentNullException.ThrowIfNull(sectors);
        All = [.. sectors];
        _byId = new Dictionary<string, Sector>(StringComparer.Ordinal);
        foreach (var sector in All)
        {
            var missing = Languages.All.Where(language => !sector.Names.ContainsKey(language)).ToList();
            if (missing.Count > 0)
            {
                throw new ArgumentException($"Sector '{sector.Id}' has no name in: {string.Join(", ", missing)}.", nameof(sectors));
            }

            if (!_byId.TryAdd(sector.Id, sector))
            {
                throw new ArgumentException($"Sector '{sector.Id}' appears twice.", nameof(sectors));
            }
        }
    }

    public IReadOnlyList<Sector> All { get; }

    public bool IsKnown(string? id) => id is not null && _byId.ContainsKey(id);
}
