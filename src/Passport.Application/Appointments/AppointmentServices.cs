using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Passport.Application.Privacy;
using Passport.Application.Reminders;
using Passport.Data.Appointments;
using Passport.Data.Reminders;

namespace Passport.Application.Appointments;

public static class AppointmentServices
{
    /// <summary>
    /// The appointment use cases and the stores behind them; the host reaches only the use cases. With them the
    /// reminders: their settings (section <c>Reminders</c>, checked on start), the planner and the delivery loop.
    /// </summary>
    public static IServiceCollection AddPassportAppointmentServices(this IServiceCollection services)
    {
        services.AddSingleton<AppointmentRepository>();
        services.AddOptions<RemindersOptions>().BindConfiguration(RemindersOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RemindersOptions>, RemindersOptionsValidator>();
        services.AddSingleton<ReminderPlanner>();
        services.AddSingleton<ReminderStore>();
        services.AddSingleton<ReminderDelivery>();
        services.AddHostedService<ReminderDeliveryLoop>();
        services.AddSingleton<CalendarFeedRepository>();
        services.AddSingleton<AppointmentDesk>();
        services.AddSingleton<MyAppointments>();
        services.AddSingleton<CalendarFeeds>();
        services.AddSingleton<IPersonalDataSection, AppointmentSection>();
        return services;
    }
}
