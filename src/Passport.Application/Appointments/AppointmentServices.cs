using Microsoft.Extensions.DependencyInjection;
using Passport.Application.Privacy;
using Passport.Data.Appointments;

namespace Passport.Application.Appointments;

public static class AppointmentServices
{
    /// <summary>The appointment use cases and the stores behind them; the host reaches only the use cases.</summary>
    public static IServiceCollection AddPassportAppointmentServices(this IServiceCollection services)
    {
        services.AddSingleton<AppointmentRepository>();
        services.AddSingleton<CalendarFeedRepository>();
        services.AddSingleton<AppointmentDesk>();
        services.AddSingleton<MyAppointments>();
        services.AddSingleton<CalendarFeeds>();
        services.AddSingleton<IPersonalDataSection, AppointmentSection>();
        return services;
    }
}
