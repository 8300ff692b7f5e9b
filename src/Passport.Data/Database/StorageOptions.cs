using Microsoft.Extensions.Options;

namespace Passport.Data.Database;

/// <summary>Configuration section <c>Storage</c>, plus <c>ConnectionStrings:Passport</c>.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary><c>Sqlite</c> (default) or <c>Postgres</c>; kept as text so a wrong name gets a clear message.</summary>
    public string Provider { get; set; } = nameof(StorageProvider.Sqlite);

    /// <summary>Path of the SQLite file, relative to the working directory unless rooted.</summary>
    public string SqlitePath { get; set; } = Path.Combine("data", "passport.db");

    /// <summary>From <c>ConnectionStrings:Passport</c>; required for PostgreSQL, optional for SQLite.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>How long a host waits for another host to finish migrating before it gives up.</summary>
    public TimeSpan StartupLockTimeout { get; set; } = TimeSpan.FromMinutes(2);

    public StorageProvider ParsedProvider =>
        Enum.TryParse<StorageProvider>(Provider, ignoreCase: true, out var provider) && Enum.IsDefined(provider)
            ? provider
            : throw new InvalidOperationException($"Unknown storage provider '{Provider}'.");
}

public sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!Enum.TryParse<StorageProvider>(options.Provider, ignoreCase: true, out var provider) || !Enum.IsDefined(provider)
            || int.TryParse(options.Provider, out _))
        {
            return ValidateOptionsResult.Fail(
                $"Storage:Provider '{options.Provider}' is not supported; use '{StorageProvider.Sqlite}' or '{StorageProvider.Postgres}'.");
        }

        if (provider == StorageProvider.Postgres && string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return ValidateOptionsResult.Fail("Storage:Provider is Postgres but ConnectionStrings:Passport is empty.");
        }

        if (provider == StorageProvider.Sqlite && string.IsNullOrWhiteSpace(options.SqlitePath) && string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return ValidateOptionsResult.Fail("Storage:SqlitePath is empty.");
        }

        return ValidateOptionsResult.Success;
    }
}
