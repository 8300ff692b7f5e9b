namespace Passport.Domain.Pathways;

/// <summary>Where the pathway is taught: a place name people recognise and its coordinates (for travel distance).</summary>
public sealed record PathwayLocation(double Latitude, double Longitude, string Place);
