namespace Passport.Domain.Measurement;

/// <summary>
/// How a session chooses and stops: it ends once every skill is measured in the session with a standard error at
/// or below <see cref="TargetStandardError"/>, or after <see cref="MaxItems"/> items. <see cref="Randomesque"/>
/// is how many of the most informative items the next one is drawn from, so that the single best item is not
/// shown to everyone and memorised or shared.
/// </summary>
public sealed record SelectionOptions(double TargetStandardError, int MaxItems, int Randomesque = 3)
{
    // Validated in the init accessors too, so a `with` expression cannot produce invalid options either.
    private readonly double _targetStandardError = ValidTarget(TargetStandardError, nameof(TargetStandardError));
    private readonly int _maxItems = ValidAtLeastOne(MaxItems, nameof(MaxItems));
    private readonly int _randomesque = ValidAtLeastOne(Randomesque, nameof(Randomesque));

    /// <summary>0 or more; 0 means "never stop early", i.e. always present <see cref="MaxItems"/>.</summary>
    public double TargetStandardError
    {
        get => _targetStandardError;
        init => _targetStandardError = ValidTarget(value, nameof(TargetStandardError));
    }

    public int MaxItems
    {
        get => _maxItems;
        init => _maxItems = ValidAtLeastOne(value, nameof(MaxItems));
    }

    /// <summary>1 means plain maximum information (no exposure control).</summary>
    public int Randomesque
    {
        get => _randomesque;
        init => _randomesque = ValidAtLeastOne(value, nameof(Randomesque));
    }

    private static double ValidTarget(double value, string name) =>
        double.IsFinite(value) && value >= 0
            ? value
            : throw new ArgumentOutOfRangeException(name, value, "The target standard error must be 0 or more.");

    private static int ValidAtLeastOne(int value, string name) =>
        value >= 1 ? value : throw new ArgumentOutOfRangeException(name, value, "Must be at least 1.");
}
