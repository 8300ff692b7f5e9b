namespace Passport.Domain.Sprints;

/// <summary>Why an answer cannot be scored; each has a message for the player at the edge.</summary>
public enum AnswerProblem
{
    None,

    /// <summary>Not the shape the item takes (for example an order for a choice item), or more than one shape.</summary>
    WrongShape,

    /// <summary>A chosen option the item does not have.</summary>
    UnknownOption,

    /// <summary>A rank answer that does not list every option exactly once.</summary>
    InvalidOrder,

    /// <summary>A scale value outside the scale or not a whole number.</summary>
    OutOfRange,
}
