namespace Passport.Domain.Places;

/// <summary>
/// A town a job seeker can name as where they live: its local name and the centre's coordinates (WGS 84), and the
/// district the municipality's knowledge base counts it in (<see cref="DistrictName"/>).
/// </summary>
/// <param name="District">
/// The named area the place belongs to for comparisons across districts (several small towns can share one); when
/// none is given the place is its own district.
/// </param>
public sealed record Place(string Id, string Country, string Name, double Latitude, double Longitude, string? District = null)
{
    public string DistrictName => District ?? Name;
}
