namespace Passport.Grains.Sprints;

/// <summary>Why a sprint command was refused; the hub and pages turn each into a message in the player's language.</summary>
[GenerateSerializer]
public enum SprintError
{
    None,

    /// <summary>No such sprint in the content.</summary>
    UnknownSprint,

    /// <summary>No such session, or one that belongs to someone else (the two are not told apart).</summary>
    UnknownSession,

    /// <summary>The session is paused; resume it first.</summary>
    SessionPaused,

    /// <summary>The session is completed, abandoned or expired.</summary>
    SessionFinished,

    /// <summary>The item is not the one being asked now.</summary>
    WrongItem,

    /// <summary>This item was already answered differently; the first answer stands.</summary>
    AlreadyAnswered,

    /// <summary>The answer does not have the shape the item takes.</summary>
    WrongShape,

    UnknownOption,

    InvalidOrder,

    OutOfRange,

    /// <summary>The item's time limit passed before the answer arrived.</summary>
    TimeUp,

    /// <summary>The sprint was finished recently; it can be replayed after the cooldown.</summary>
    CoolingDown,
}
