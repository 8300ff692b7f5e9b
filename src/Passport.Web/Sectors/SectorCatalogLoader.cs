using System.Text.Json;
using Microsoft.Extensions.Options;
using Passport.Domain.Sectors;
using Passport.Web.Hosting;

namespace Passport.Web.Sectors;

/// <summary>Reads <c>content/sectors/sectors.json</c>; a broken file stops the host with the file's name in the message.</summary>
public static class SectorCatalogLoader
{
    public static SectorCatalog Load(IOptions<ContentOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var path = options.Value.File("sectors", "sectors.json");
        try
        {
            using var stream = File.OpenRead(path);
            var file = JsonSerializer.Deserialize<SectorsFile>(stream, JsonSerializerOptions.Web)
                ?? throw new InvalidDataException("The file is empty.");
            return new SectorCatalog(file.Sectors.Select(sector => new Sector(sector.Id, sector.Names)));
        }
        catch (Exception ex) when (ex is IOException or JsonException or InvalidDataException or ArgumentException)
        {
            throw new InvalidDataException($"Content file {path} is not usable: {ex.Message}", ex);
        }
    }

    private sealed record SectorsFile(IReadOnlyList<SectorEntry> Sectors);

    private sealed record SectorEntry(string Id, Dictionary<string, string> Names);
}
