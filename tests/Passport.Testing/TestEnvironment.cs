namespace Passport.Testing;

/// <summary>
/// The servers scripts/test.sh starts for the tests. A test that needs one and does not find it fails with this
/// message rather than being skipped: a skipped Postgres test would look like a pass.
/// </summary>
public static class TestEnvironment
{
    public static string PostgresAdminConnectionString => Require("PASSPORT_TEST_POSTGRES");

    public static string RedisConnectionString => Require("PASSPORT_TEST_REDIS");

    public static string ChromiumPath => Environment.GetEnvironmentVariable("PASSPORT_TEST_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    private static string Require(string variable) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{variable} is not set. Run the tests with scripts/test.sh, which starts PostgreSQL and Redis for them.");
}
