namespace Passport.Domain.Sprints;

/// <summary>
/// A player's answer, exactly one of: the chosen option (choice, timed), the options in order (rank) or a
/// value on the scale (scale). Which one fits depends on the item; <see cref="SprintItem.Score"/> checks it.
/// </summary>
public sealed record Answer(string? Choice, IReadOnlyList<string>? Order, double? Value)
{
    public static Answer ForChoice(string optionId) => new(optionId, null, null);

    public static Answer ForOrder(IReadOnlyList<string> optionIds) => new(null, optionIds, null);

    public static Answer ForValue(double value) => new(null, null, value);

    /// <summary>True when the same answer was given; the order of a rank answer counts.</summary>
    public bool SameAs(Answer other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Choice == other.Choice
            && Value == other.Value
            && (Order is null ? other.Order is null : other.Order is not null && Order.SequenceEqual(other.Order, StringComparer.Ordinal));
    }
}
