using Passport.Application.Handovers;

namespace Passport.Web.Handovers;

public static class HandoversHostingExtensions
{
    /// <summary>Warm hand-overs: their use cases, settings and expiry loop, the words of their pages, and the demo's hand-overs.</summary>
    public static IHostApplicationBuilder AddPassportHandovers(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddPassportHandoverServices();
        // After Orleans (Program.cs), so the silo runs by the time the demo hand-overs go through the consent grain.
        builder.Services.AddSingleton<Demo.DemoHandoverSeeder>();
        builder.Services.AddHostedService(provider => provider.GetRequiredService<Demo.DemoHandoverSeeder>());
        return builder;
    }
}
