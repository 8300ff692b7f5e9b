namespace Passport.Matching.Cards;

/// <summary>
/// The coarse values an employer's candidate card shows instead of exact ones. An exact estimate, standard error,
/// score or distance is the same number for the same person on every vacancy's list, so it would join two lists
/// into one person (whose pseudonyms differ on purpose), and distances from three places would pin down where they
/// live. A level, a certainty in three steps and a distance band are shared by many people.
/// </summary>
public static class CardBands
{
    /// <summary>Distance band codes, nearest first: up to 10 km, 10 to 25 km, 25 to 50 km, more than 50 km.</summary>
    public static IReadOnlyList<string> DistanceBands { get; } = ["within10km", "10to25km", "25to50km", "over50km"];

    /// <summary>Where each distance band starts, in km; the last has no end.</summary>
    public static IReadOnlyList<int> DistanceBandStarts { get; } = [0, 10, 25, 50];

    /// <summary>Certainty codes, surest first.</summary>
    public static IReadOnlyList<string> Certainties { get; } = ["high", "medium", "low"];

    /// <summary>Hours codes: within four hours of the job's, fewer, more.</summary>
    public static IReadOnlyList<string> HoursBands { get; } = ["likeTheJob", "fewer", "more"];

    /// <summary>Hours a week either way that still count as the job's hours.</summary>
    public const double HoursLeeway = 4;

    /// <summary>The band of a distance in km (an index into <see cref="DistanceBands"/>); a boundary belongs to the nearer band.</summary>
    public static int DistanceBand(double km) => km switch
    {
        <= 10 => 0,
        <= 25 => 1,
        <= 50 => 2,
        _ => 3,
    };

    /// <summary>
    /// The code of the distance bands <paramref name="from"/> to <paramref name="to"/> taken together: one band's own
    /// code (<c>within10km</c>, <c>10to25km</c>, <c>25to50km</c>, <c>over50km</c>), or the same pattern for several
    /// (<c>within25km</c>, <c>10to50km</c>, <c>over25km</c>, …).
    /// </summary>
    public static string DistanceCode(int from, int to)
    {
        var (start, end) = DistanceRange(from, to);
        return start == 0 ? $"within{end}km" : end is null ? $"over{start}km" : $"{start}to{end}km";
    }

    /// <summary>Where bands <paramref name="from"/> to <paramref name="to"/> start and end in km (no end for the last band).</summary>
    public static (int Start, int? End) DistanceRange(int from, int to) =>
        (DistanceBandStarts[from], to + 1 < DistanceBandStarts.Count ? DistanceBandStarts[to + 1] : null);

    /// <summary>A distance that stands for bands <paramref name="from"/> to <paramref name="to"/>: their middle (10 km past the start of the last band).</summary>
    public static double TypicalKm(int from, int to)
    {
        var (start, end) = DistanceRange(from, to);
        return (start + (end ?? start + 10)) / 2.0;
    }

    /// <summary>
    /// How sure the passport is of a level, from the standard error on the ability scale (a level is one unit wide):
    /// high when the 95% range stays within about one level, medium up to about two, else low.
    /// </summary>
    public static string Certainty(double standardError) => standardError switch
    {
        <= 0.35 => Certainties[0],
        <= 0.6 => Certainties[1],
        _ => Certainties[2],
    };

    /// <summary>A standard error that stands for a certainty: inside its range, away from the edges.</summary>
    public static double TypicalStandardError(string certainty) => certainty switch
    {
        "high" => 0.3,
        "medium" => 0.5,
        "low" => 0.8,
        _ => throw new ArgumentException($"No certainty '{certainty}'.", nameof(certainty)),
    };

    /// <summary>The hours wanted against the job's.</summary>
    public static string HoursBand(double wanted, double jobHours) =>
        Math.Abs(wanted - jobHours) <= HoursLeeway ? HoursBands[0] : wanted < jobHours ? HoursBands[1] : HoursBands[2];

    /// <summary>Hours wanted that stand for an hours band against the job's hours.</summary>
    public static double TypicalHours(string band, double jobHours) => band switch
    {
        "likeTheJob" => jobHours,
        "fewer" => Math.Max(1, jobHours - (2 * HoursLeeway)),
        "more" => jobHours + (2 * HoursLeeway),
        _ => throw new ArgumentException($"No hours band '{band}'.", nameof(band)),
    };
}
