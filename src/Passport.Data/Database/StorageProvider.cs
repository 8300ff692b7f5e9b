namespace Passport.Data.Database;

/// <summary>The relational databases Passport runs on.</summary>
public enum StorageProvider
{
    /// <summary>An embedded SQLite file: the default, no setup.</summary>
    Sqlite,

    /// <summary>PostgreSQL through Npgsql: production, several hosts.</summary>
    Postgres,
}
