using Passport.Domain.Appointments;

namespace Passport.Domain.Tests.Appointments;

public sealed class AppointmentLifecycleTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);

    private static AppointmentDetails Details(int hoursAhead = 24) =>
        new(Now.AddHours(hoursAhead), Now.AddHours(hoursAhead + 1), AppointmentKind.Place, "Town hall, room 2", null, "Your plan", null);

    private static Appointment Booked() =>
        Appointment.Book(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "Coach", "Municipality", Details(), Now);

    [Fact]
    public void Book_New_IsBookedAtVersionOne()
    {
        var appointment = Booked();

        Assert.Equal(AppointmentStatus.Booked, appointment.Status);
        Assert.Equal(1, appointment.Version);
        Assert.True(appointment.IsUpcoming(Now));
    }

    [Fact]
    public void Confirm_Booked_IsConfirmedAndKeepsItsVersion()
    {
        var appointment = Booked();

        Assert.True(appointment.Confirm(Now.AddMinutes(1)));

        Assert.Equal(AppointmentStatus.Confirmed, appointment.Status);
        Assert.Equal(1, appointment.Version);
        Assert.Equal(Now.AddMinutes(1), appointment.ChangedAt);
        Assert.False(appointment.Confirm(Now));
    }

    [Fact]
    public void RequestReschedule_Confirmed_KeepsTheMessageUntilMoved()
    {
        var appointment = Booked();
        appointment.Confirm(Now);

        Assert.True(appointment.RequestReschedule("Tuesday after 13:00", Now));
        Assert.Equal(AppointmentStatus.RescheduleRequested, appointment.Status);
        Assert.Equal("Tuesday after 13:00", appointment.RescheduleMessage);
        Assert.False(appointment.Confirm(Now));

        Assert.True(appointment.Move(Details(48), Now));
        Assert.Equal(AppointmentStatus.Booked, appointment.Status);
        Assert.Null(appointment.RescheduleMessage);
        Assert.Equal(2, appointment.Version);
        Assert.Equal(Now.AddHours(48), appointment.Details.StartsAt);
    }

    [Fact]
    public void Move_Booked_StaysBookedOneVersionUp()
    {
        var appointment = Booked();

        Assert.True(appointment.Move(Details(30), Now));
        Assert.True(appointment.Move(Details(31), Now));

        Assert.Equal(AppointmentStatus.Booked, appointment.Status);
        Assert.Equal(3, appointment.Version);
    }

    [Fact]
    public void Cancel_ByEitherSide_IsFinalAndOneVersionUp()
    {
        var appointment = Booked();

        Assert.True(appointment.Cancel(AppointmentParty.Person, "I am ill", Now));

        Assert.Equal(AppointmentStatus.Cancelled, appointment.Status);
        Assert.Equal(AppointmentParty.Person, appointment.CancelledBy);
        Assert.Equal("I am ill", appointment.CancelReason);
        Assert.Equal(2, appointment.Version);
        Assert.False(appointment.IsUpcoming(Now));
        Assert.False(appointment.Confirm(Now));
        Assert.False(appointment.Move(Details(), Now));
        Assert.False(appointment.RequestReschedule("Later", Now));
        Assert.False(appointment.Cancel(AppointmentParty.Staff, "Again", Now));
        Assert.Equal(2, appointment.Version);
    }

    [Fact]
    public void RequestReschedule_AlreadyAsked_IsRefused()
    {
        var appointment = Booked();
        appointment.RequestReschedule("Later", Now);

        Assert.False(appointment.RequestReschedule("Even later", Now));
        Assert.Equal("Later", appointment.RescheduleMessage);
    }

    [Fact]
    public void IsUpcoming_AfterItEnded_IsFalse()
    {
        var appointment = Booked();

        Assert.True(appointment.IsUpcoming(Now.AddHours(24.5)));
        Assert.False(appointment.IsUpcoming(Now.AddHours(25)));
    }

    [Fact]
    public void ToDotGraph_ListsEveryState()
    {
        var graph = AppointmentLifecycle.ToDotGraph();

        Assert.All(Enum.GetNames<AppointmentStatus>(), name => Assert.Contains(name, graph, StringComparison.Ordinal));
    }

    [Fact]
    public void DocsGraph_MatchesTheMachine() =>
        Assert.Equal(LifecycleDocs.Normalise(AppointmentLifecycle.ToDotGraph()), LifecycleDocs.Read("appointment.dot"));
}
