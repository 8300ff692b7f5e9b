using Passport.Application.Handovers;

namespace Passport.Web.Handovers;

public static class HandoversHostingExtensions
{
    /// <summary>Warm hand-overs: their use cases, settings and expiry loop.</summary>
    public static IHostApplicationBuilder AddPassportHandovers(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddPassportHandoverServices();
        return builder;
    }
}
