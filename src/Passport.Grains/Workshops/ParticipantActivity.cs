namespace Passport.Grains.Workshops;

/// <summary>What a participant on the board is doing now: a coach sees at a glance who paused or stopped.</summary>
public enum ParticipantActivity
{
    /// <summary>Joined, no sprint started yet.</summary>
    Waiting,

    Playing,

    /// <summary>Chose "Stop for now" (or their screen went away): the place in the sprint is kept.</summary>
    Paused,

    Finished,

    /// <summary>Stopped the sprint for good, or it ran out of time unplayed.</summary>
    Stopped,
}
