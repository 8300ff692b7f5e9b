namespace Passport.Domain.Measurement;

/// <summary>
/// The checks every response model shares. Item parameters come from authored content, so a bad one must fail
/// when the item is built, not later as a NaN in somebody's passport.
/// </summary>
internal static class ModelParameters
{
    public static double ValidDiscrimination(double value, string name) =>
        double.IsFinite(value) && value > 0
            ? value
            : throw new ArgumentException($"The discrimination must be a finite number above 0, not {value}.", name);

    public static double ValidLocation(double value, string name) =>
        double.IsFinite(value) ? value : throw new ArgumentException($"A difficulty or threshold must be finite, not {value}.", name);

    public static void CheckCategory(int category, int categories)
    {
        if (category < 0 || category >= categories)
        {
            throw new ArgumentOutOfRangeException(
                nameof(category), category, $"The category must lie between 0 and {categories - 1}.");
        }
    }
}
