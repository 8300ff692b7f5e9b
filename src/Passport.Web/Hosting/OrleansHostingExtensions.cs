using System.Globalization;
using System.Net;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Passport.Grains.Storage;
using Passport.Web.Cluster;
using StackExchange.Redis;

namespace Passport.Web.Hosting;

public static class OrleansHostingExtensions
{
    /// <summary>
    /// Co-hosts an Orleans silo. Alone it uses localhost clustering; with <c>ConnectionStrings:Redis</c> it joins the
    /// other hosts through Orleans' Redis membership table. Ports, ids, the listening address and mutual TLS between
    /// silos come from the validated <see cref="OrleansHostOptions"/>.
    /// </summary>
    public static IHostApplicationBuilder AddPassportOrleans(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<OrleansHostOptions>()
            .BindConfiguration(OrleansHostOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(options => options.AdvertisedIPAddress is null || IPAddress.TryParse(options.AdvertisedIPAddress, out _),
                "Orleans:AdvertisedIPAddress is not an IP address.")
            .Validate(options => options.ListenIPAddress is null || IPAddress.TryParse(options.ListenIPAddress, out _),
                "Orleans:ListenIPAddress is not an IP address.")
            .Validate(options => options.SiloPort != options.GatewayPort, "Orleans:SiloPort and Orleans:GatewayPort must differ.")
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<OrleansHostOptions>, SiloTlsValidator>();
        // The web server, the silo and everything else together; the silo stops without a goodbye when it runs out.
        // Read from the raw setting, not the validated options: the host's lifetime is built before options are validated
        // on start, and a bad Orleans setting must end in the one-line start-up error, not a crash while building.
        builder.Services.AddOptions<HostOptions>().Configure(host => host.ShutdownTimeout =
            TimeSpan.TryParse(builder.Configuration[$"{OrleansHostOptions.SectionName}:{nameof(OrleansHostOptions.ShutdownTimeout)}"], CultureInfo.InvariantCulture, out var timeout)
                ? timeout
                : new OrleansHostOptions().ShutdownTimeout);

        var redis = builder.Configuration.GetConnectionString("Redis");
        var clustered = IsClustered(builder.Configuration);
        if (clustered)
        {
            // Before UseOrleans: hosted services start in order, and the guard must look at the table before the silo does.
            builder.Services.AddSingleton<MembershipWatch>();
            builder.Services.AddHostedService<ClusterGuard>();
        }

        builder.UseOrleans(silo =>
        {
            silo.AddPassportStorageFaults();
            if (clustered)
            {
                silo.UseRedisClustering(options => options.ConfigurationOptions = ConfigurationOptions.Parse(redis!));
            }
            else
            {
                silo.UseDevelopmentClustering(options => options.Configure<IOptions<OrleansHostOptions>>((membership, host) =>
                    membership.PrimarySiloEndpoint = new IPEndPoint(IPAddress.Loopback, host.Value.SiloPort)));
            }

            silo.Services.AddOptions<ClusterOptions>().Configure<IOptions<OrleansHostOptions>>((cluster, host) =>
            {
                cluster.ClusterId = host.Value.ClusterId;
                cluster.ServiceId = host.Value.ServiceId;
            });
            silo.Services.AddOptions<ClusterMembershipOptions>().Configure<IOptions<OrleansHostOptions>>((membership, host) =>
            {
                membership.ProbeTimeout = host.Value.ProbeTimeout;
                membership.NumMissedProbesLimit = host.Value.MissedProbesLimit;
            });
            silo.Services.AddOptions<EndpointOptions>().Configure<IOptions<OrleansHostOptions>>((endpoints, host) =>
            {
                endpoints.AdvertisedIPAddress = host.Value.ResolveAdvertisedAddress(clustered);
                endpoints.SiloPort = host.Value.SiloPort;
                endpoints.GatewayPort = host.Value.GatewayPort;
                // Only where the other silos are told to call, unless the operator widens it on purpose.
                var listen = string.IsNullOrWhiteSpace(host.Value.ListenIPAddress) ? endpoints.AdvertisedIPAddress : IPAddress.Parse(host.Value.ListenIPAddress);
                endpoints.SiloListeningEndpoint = new IPEndPoint(listen, host.Value.SiloPort);
                endpoints.GatewayListeningEndpoint = new IPEndPoint(listen, host.Value.GatewayPort);
            });
            silo.Services.AddOptions<SiloConnectionOptions>().Configure<IOptions<OrleansHostOptions>, TimeProvider>((connections, host, time) =>
            {
                if (!host.Value.Tls.Enabled)
                {
                    return;
                }

                var tls = SiloTls.Create(host.Value.Tls, time);
                connections.ConfigureSiloInboundConnection(connection => connection.UseServerTls(tls));
                connections.ConfigureGatewayInboundConnection(connection => connection.UseServerTls(tls));
                connections.ConfigureSiloOutboundConnection(connection => connection.UseClientTls(tls));
            });
        });
        BoundSiloStop(builder.Services);
        return builder;
    }

    /// <summary>Puts <see cref="BoundedSiloStop"/> around the silo's hosted service, in its place in the start order.</summary>
    private static void BoundSiloStop(IServiceCollection services)
    {
        var index = services.ToList().FindIndex(descriptor => descriptor.ServiceType == typeof(IHostedService)
            && descriptor.ImplementationType?.Assembly == typeof(Orleans.Runtime.Silo).Assembly);
        if (index < 0)
        {
            throw new InvalidOperationException("The Orleans silo's hosted service was not found; its stop cannot be bounded.");
        }

        var silo = services[index].ImplementationType!;
        services[index] = ServiceDescriptor.Singleton<IHostedService>(provider => new BoundedSiloStop(
            (IHostedService)ActivatorUtilities.CreateInstance(provider, silo), provider.GetRequiredService<ILogger<BoundedSiloStop>>()));
    }

    /// <summary>Several hosts form one cluster through Redis (<c>ConnectionStrings:Redis</c>); without it the silo is alone.</summary>
    public static bool IsClustered(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration.GetConnectionString("Redis"));
}
