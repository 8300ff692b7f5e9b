using System.Net;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
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

        var redis = builder.Configuration.GetConnectionString("Redis");
        var clustered = !string.IsNullOrWhiteSpace(redis);
        builder.UseOrleans(silo =>
        {
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
        return builder;
    }
}
