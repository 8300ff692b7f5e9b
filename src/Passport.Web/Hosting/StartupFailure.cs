using Microsoft.Extensions.Options;
using Passport.Data.Database;
using Passport.Data.Migrations;
using Passport.Data.Security;
using Passport.Web.Cluster;

namespace Passport.Web.Hosting;

/// <summary>
/// Start-up failures an operator can fix (bad configuration, no database, broken content) are reported as one line
/// and exit code 1 instead of a stack trace. Anything else is a bug and surfaces in full.
/// </summary>
public static class StartupFailure
{
    public static async Task<int> RunPassportAsync(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        try
        {
            await app.RunAsync();
            return 0;
        }
        catch (Exception ex) when (Describe(ex) is { } line)
        {
            await Console.Error.WriteLineAsync($"Passport cannot start: {line}");
            return 1;
        }
    }

    public static string? Describe(Exception exception) => exception switch
    {
        OptionsValidationException options => string.Join(" ", options.Failures),
        DatabaseUnavailableException database => database.Message,
        MigrationFailedException migration => migration.Message,
        InvalidDataException content => content.Message,
        TimeoutException timeout => timeout.Message,
        CertificateFileException certificate => certificate.Message,
        SecondClusterException second => second.Message,
        // Several settings can be wrong at once (each options class is validated on its own): name them all.
        AggregateException aggregate when aggregate.InnerExceptions.Select(Describe).ToList() is var lines && lines.All(line => line is not null)
            => string.Join(" ", lines),
        _ => null,
    };
}
