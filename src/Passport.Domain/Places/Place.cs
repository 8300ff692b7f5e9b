namespace Passport.Domain.Places;

/// <summary>A town a job seeker can name as where they live: its local name and the centre's coordinates (WGS 84).</summary>
public sealed record Place(string Id, string Country, string Name, double Latitude, double Longitude);
