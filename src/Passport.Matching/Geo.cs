namespace Passport.Matching;

public static class Geo
{
    public const double EarthRadiusKm = 6371.0088;

    /// <summary>Great-circle distance in kilometres (haversine); good to well under 1 % for travel distances.</summary>
    public static double DistanceKm(GeoPoint from, GeoPoint to)
    {
        var lat1 = double.DegreesToRadians(from.Latitude);
        var lat2 = double.DegreesToRadians(to.Latitude);
        var dLat = lat2 - lat1;
        var dLon = double.DegreesToRadians(to.Longitude - from.Longitude);
        var a = Math.Pow(Math.Sin(dLat / 2), 2) + (Math.Cos(lat1) * Math.Cos(lat2) * Math.Pow(Math.Sin(dLon / 2), 2));
        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }
}
