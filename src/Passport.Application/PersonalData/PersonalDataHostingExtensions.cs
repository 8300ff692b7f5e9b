using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Passport.Application.PersonalData;

public static class PersonalDataHostingExtensions
{
    /// <summary>The door to other people's data (<see cref="IPersonalData"/>) and the reader only it may use.</summary>
    public static IHostApplicationBuilder AddPassportPersonalData(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<SharedPassportReader>();
        builder.Services.AddSingleton<IPersonalData, PersonalDataDoor>();
        return builder;
    }
}
