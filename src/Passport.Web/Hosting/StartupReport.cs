using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using Passport.Data.Database;
using Passport.Web.Demo;

namespace Passport.Web.Hosting;

/// <summary>Tells the person who started the host where it listens and, in a demo, how to sign in.</summary>
public sealed class StartupReport(
    IServer server,
    PassportDatabase database,
    IOptions<DemoOptions> demo,
    DemoContent demoContent,
    IHostApplicationLifetime lifetime,
    ILogger<StartupReport> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(Report);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void Report()
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        logger.LogInformation("Passport is ready at {Addresses} ({Provider})", string.Join(", ", addresses), database.Provider);
        if (demo.Value.Demo)
        {
            logger.LogInformation(
                "Demo sign-ins, password {Password}: {Accounts}",
                demoContent.Password,
                string.Join(", ", demoContent.Accounts.Select(account => $"{account.Email} ({account.Role})")));
        }
    }
}
