using Passport.Domain.Appointments;

namespace Passport.Domain.Tests.Appointments;

public sealed class AppointmentRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);

    private static AppointmentInput Valid => new(Now.AddDays(1), Now.AddDays(1).AddHours(1), "place", " Town hall ", null, " Your plan ", "ID card");

    private static IReadOnlyList<string> Fields(AppointmentInput input) =>
        [.. AppointmentRules.Validate(input, Now, out _).Errors.Select(error => $"{error.Field}:{error.Code}")];

    [Fact]
    public void Validate_Valid_GivesTrimmedUtcDetails()
    {
        var input = Valid with { StartsAt = new DateTimeOffset(2026, 12, 8, 10, 0, 0, TimeSpan.FromHours(1)), EndsAt = new DateTimeOffset(2026, 12, 8, 11, 0, 0, TimeSpan.FromHours(1)) };

        var errors = AppointmentRules.Validate(input, Now, out var details);

        Assert.True(errors.IsValid);
        Assert.Equal(new DateTimeOffset(2026, 12, 8, 9, 0, 0, TimeSpan.Zero), details!.StartsAt);
        Assert.Equal(TimeSpan.Zero, details.StartsAt.Offset);
        Assert.Equal("Town hall", details.Location);
        Assert.Equal("Your plan", details.Topic);
        Assert.Null(details.Attendees);
    }

    [Fact]
    public void Validate_EndBeforeStart_IsRefused()
    {
        Assert.Equal(["endsAt:Appointment.End.BeforeStart"], Fields(Valid with { EndsAt = Now.AddDays(1).AddMinutes(-30) }));
        Assert.Equal(["endsAt:Appointment.End.BeforeStart"], Fields(Valid with { EndsAt = Now.AddDays(1) }));
    }

    [Fact]
    public void Validate_StartInThePast_IsRefused() =>
        Assert.Contains("startsAt:Appointment.Start.Past", Fields(Valid with { StartsAt = Now.AddMinutes(-1), EndsAt = Now.AddMinutes(30) }));

    [Fact]
    public void Validate_TooLongOrTooFar_IsRefused()
    {
        Assert.Equal(["endsAt:Appointment.End.TooLong"], Fields(Valid with { EndsAt = Now.AddDays(1).AddHours(8).AddMinutes(1) }));
        Assert.Contains("startsAt:Appointment.Start.TooFar", Fields(Valid with { StartsAt = Now.AddDays(400), EndsAt = Now.AddDays(400).AddHours(1) }));
    }

    [Theory]
    [InlineData("video", "http://meet.example.org/abc", "location:Appointment.Location.Video")]
    [InlineData("video", "meet.example.org", "location:Appointment.Location.Video")]
    [InlineData("phone", "call me", "location:Appointment.Location.Phone")]
    [InlineData("phone", "", "location:Appointment.Location.Required.Phone")]
    [InlineData("letter", "Town hall", "kind:Appointment.Kind.Unknown")]
    public void Validate_LocationNotFittingItsKind_IsRefused(string kind, string location, string expected) =>
        Assert.Equal([expected], Fields(Valid with { Kind = kind, Location = location }));

    [Theory]
    [InlineData("video", "https://meet.example.org/abc")]
    [InlineData("phone", "+45 12 34 56 78")]
    [InlineData("PLACE", "Room 2")]
    public void Validate_LocationFittingItsKind_IsAccepted(string kind, string location) =>
        Assert.Empty(Fields(Valid with { Kind = kind, Location = location }));

    [Fact]
    public void Validate_LengthLimits_AreKept()
    {
        Assert.Equal(["topic:Appointment.Topic.TooLong"], Fields(Valid with { Topic = new string('a', AppointmentRules.MaxTopicLength + 1) }));
        Assert.Equal(["bring:Appointment.Bring.TooLong"], Fields(Valid with { Bring = new string('a', AppointmentRules.MaxBringLength + 1) }));
        Assert.Equal(["attendees:Appointment.Attendees.TooLong"], Fields(Valid with { Attendees = new string('a', AppointmentRules.MaxAttendeesLength + 1) }));
        Assert.Equal(["topic:Appointment.Topic.Required"], Fields(Valid with { Topic = "  " }));
    }

    [Fact]
    public void ValidateMessageAndReason_EmptyOrTooLong_AreRefused()
    {
        Assert.False(AppointmentRules.ValidateMessage(" ", out _).IsValid);
        Assert.False(AppointmentRules.ValidateMessage(new string('a', AppointmentRules.MaxMessageLength + 1), out _).IsValid);
        Assert.False(AppointmentRules.ValidateReason(null, out _).IsValid);
        Assert.True(AppointmentRules.ValidateReason(" Ill ", out var reason).IsValid);
        Assert.Equal("Ill", reason);
    }
}
