namespace Passport.Domain.Sprints;

/// <summary>The mechanic of an item: how it is shown and what shape of answer it takes.</summary>
public enum ItemKind
{
    /// <summary>Situational judgement: pick the most effective reaction; options earn partial credit.</summary>
    Choice,

    /// <summary>Put the options in order from most to least effective.</summary>
    Rank,

    /// <summary>How would you act, on a scale from 1 to 5.</summary>
    Scale,

    /// <summary>A choice that must be made before the item's time limit, kept by the server.</summary>
    Timed,
}
