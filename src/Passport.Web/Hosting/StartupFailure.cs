using Microsoft.Extensions.Options;
using Passport.Data.Database;
using Passport.Data.Migrations;

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
        AggregateException { InnerExceptions.Count: 1 } aggregate => Describe(aggregate.InnerExceptions[0]),
        _ => null,
    };
}
