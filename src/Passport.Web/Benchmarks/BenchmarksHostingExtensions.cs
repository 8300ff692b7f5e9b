using Microsoft.Extensions.Options;

namespace Passport.Web.Benchmarks;

public static class BenchmarksHostingExtensions
{
    /// <summary>The <c>Benchmarks</c> section; the hubs themselves use the SignalR services the sprints register.</summary>
    public static IHostApplicationBuilder AddPassportBenchmarks(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<BenchmarkOptions>().BindConfiguration(BenchmarkOptions.SectionName);
        return builder;
    }

    /// <summary>Maps <c>/hubs/echo</c> when <c>Benchmarks:EchoHub</c> is true; otherwise maps nothing.</summary>
    public static IEndpointRouteBuilder MapBenchmarks(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        if (endpoints.ServiceProvider.GetRequiredService<IOptions<BenchmarkOptions>>().Value.EchoHub)
        {
            endpoints.MapHub<EchoHub>(EchoHub.Path);
        }

        return endpoints;
    }
}
