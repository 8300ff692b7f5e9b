namespace Passport.Grains.Credentials;

/// <summary>
/// Holds one signed credential for <see cref="HoldFor"/>, then forgets it: a download may be tried again in that
/// time (a dropped connection, a second tap), and after it the credential is only in the owner's file.
/// </summary>
public sealed class CredentialHandoverGrain(TimeProvider time) : Grain, ICredentialHandoverGrain
{
    public static readonly TimeSpan HoldFor = TimeSpan.FromMinutes(10);

    private Guid _ownerId;
    private string? _jwt;
    private DateTimeOffset _until;

    public Task HoldAsync(Guid ownerId, string jwt)
    {
        ArgumentException.ThrowIfNullOrEmpty(jwt);
        _ownerId = ownerId;
        _jwt = jwt;
        _until = time.GetUtcNow() + HoldFor;
        // The activation goes with the credential in it once the time is over, downloaded or not.
        this.RegisterGrainTimer(Forget, new GrainTimerCreationOptions { DueTime = HoldFor, Period = Timeout.InfiniteTimeSpan });
        return Task.CompletedTask;
    }

    public Task<string?> GetAsync(Guid ownerId) =>
        Task.FromResult(_jwt is not null && ownerId == _ownerId && time.GetUtcNow() < _until ? _jwt : null);

    private Task Forget(CancellationToken cancellationToken)
    {
        _jwt = null;
        DeactivateOnIdle();
        return Task.CompletedTask;
    }
}
