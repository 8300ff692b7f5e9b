using Stateless;
using Stateless.Graph;

namespace Passport.Domain.Appointments;

/// <summary>
/// The lifecycle of one appointment. The state lives with the appointment (and its database row); this machine only
/// says which moves are allowed. Staff book it; the person confirms it or asks for another time; staff move it to new
/// times, which makes it booked again (the person says yes to the new times); either side cancels it, which is final:
/// a new meeting is a new appointment, so reminders and calendar entries of a cancelled one never come back.
/// </summary>
public sealed class AppointmentLifecycle
{
    private enum Trigger
    {
        Confirm,
        RequestReschedule,
        Move,
        Cancel,
    }

    private readonly StateMachine<AppointmentStatus, Trigger> _machine;

    public AppointmentLifecycle(Func<AppointmentStatus> read, Action<AppointmentStatus> write)
    {
        _machine = new StateMachine<AppointmentStatus, Trigger>(read, write);

        _machine.Configure(AppointmentStatus.Booked)
            .Permit(Trigger.Confirm, AppointmentStatus.Confirmed)
            .Permit(Trigger.RequestReschedule, AppointmentStatus.RescheduleRequested)
            .PermitReentry(Trigger.Move)
            .Permit(Trigger.Cancel, AppointmentStatus.Cancelled);

        _machine.Configure(AppointmentStatus.Confirmed)
            .Permit(Trigger.RequestReschedule, AppointmentStatus.RescheduleRequested)
            .Permit(Trigger.Move, AppointmentStatus.Booked)
            .Permit(Trigger.Cancel, AppointmentStatus.Cancelled);

        _machine.Configure(AppointmentStatus.RescheduleRequested)
            .Permit(Trigger.Move, AppointmentStatus.Booked)
            .Permit(Trigger.Cancel, AppointmentStatus.Cancelled);
    }

    public AppointmentStatus Status => _machine.State;

    public bool CanConfirm => _machine.CanFire(Trigger.Confirm);

    public bool CanRequestReschedule => _machine.CanFire(Trigger.RequestReschedule);

    public bool CanMove => _machine.CanFire(Trigger.Move);

    public bool CanCancel => _machine.CanFire(Trigger.Cancel);

    /// <summary>The person says they will come.</summary>
    public void Confirm() => _machine.Fire(Trigger.Confirm);

    /// <summary>The person asks for another time.</summary>
    public void RequestReschedule() => _machine.Fire(Trigger.RequestReschedule);

    /// <summary>Staff give new times; the person is asked again.</summary>
    public void Move() => _machine.Fire(Trigger.Move);

    /// <summary>Either side calls it off.</summary>
    public void Cancel() => _machine.Fire(Trigger.Cancel);

    /// <summary>The graph in DOT, for <c>docs/</c>.</summary>
    public static string ToDotGraph()
    {
        var status = AppointmentStatus.Booked;
        var lifecycle = new AppointmentLifecycle(() => status, value => status = value);
        return UmlDotGraph.Format(lifecycle._machine.GetInfo());
    }
}
