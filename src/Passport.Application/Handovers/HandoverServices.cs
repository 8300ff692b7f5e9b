using Microsoft.Extensions.DependencyInjection;
using Passport.Application.Privacy;

namespace Passport.Application.Handovers;

public static class HandoverServices
{
    /// <summary>Warm hand-overs: their settings (section <c>Handover</c>, checked on start), the use cases, the expiry loop, and export and erasure.</summary>
    public static IServiceCollection AddPassportHandoverServices(this IServiceCollection services)
    {
        services.AddOptions<HandoverOptions>().BindConfiguration(HandoverOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<HandoverNotices>();
        services.AddSingleton<HandoverDesk>();
        services.AddHostedService<HandoverExpiryLoop>();
        services.AddSingleton<IPersonalDataSection, HandoverDataSection>();
        return services;
    }
}
