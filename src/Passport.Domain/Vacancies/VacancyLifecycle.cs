using Stateless;
using Stateless.Graph;

namespace Passport.Domain.Vacancies;

/// <summary>
/// The lifecycle of a vacancy. An employer writes it as a draft, publishes it so job seekers and the ranker see it,
/// and closes it when the job is filled; a draft that is never needed can be closed too. Closed is final: a new
/// opening is a new vacancy, so outcomes recorded against a closed one keep referring to the job as it was.
/// </summary>
public sealed class VacancyLifecycle
{
    private enum Trigger
    {
        Publish,
        Close,
    }

    private readonly StateMachine<VacancyStatus, Trigger> _machine;

    public VacancyLifecycle(Func<VacancyStatus> read, Action<VacancyStatus> write)
    {
        _machine = new StateMachine<VacancyStatus, Trigger>(read, write);

        _machine.Configure(VacancyStatus.Draft)
            .Permit(Trigger.Publish, VacancyStatus.Published)
            .Permit(Trigger.Close, VacancyStatus.Closed);

        _machine.Configure(VacancyStatus.Published)
            .Permit(Trigger.Close, VacancyStatus.Closed);
    }

    public VacancyStatus Status => _machine.State;

    /// <summary>Only published vacancies are open to job seekers and matching.</summary>
    public bool IsOpen => _machine.State == VacancyStatus.Published;

    public bool CanPublish => _machine.CanFire(Trigger.Publish);

    public bool CanClose => _machine.CanFire(Trigger.Close);

    /// <summary>Drafts and published vacancies may be edited; a closed one stays as it was, like its outcomes.</summary>
    public bool CanEdit => _machine.State != VacancyStatus.Closed;

    /// <summary>The employer makes the vacancy visible.</summary>
    public void Publish() => _machine.Fire(Trigger.Publish);

    /// <summary>The job is filled or no longer offered.</summary>
    public void Close() => _machine.Fire(Trigger.Close);

    /// <summary>The graph in DOT, for <c>docs/</c>.</summary>
    public static string ToDotGraph()
    {
        var status = VacancyStatus.Draft;
        var lifecycle = new VacancyLifecycle(() => status, value => status = value);
        return UmlDotGraph.Format(lifecycle._machine.GetInfo());
    }
}
