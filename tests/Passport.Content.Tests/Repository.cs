namespace Passport.Content.Tests;

/// <summary>The clone the tests run in, found from the test binaries upwards.</summary>
public static class Repository
{
    /// <summary>The repository's own <c>content/</c>, as authors edit it (not the build's copy beside the binaries).</summary>
    public static string ContentPath { get; } = Path.Combine(FindRoot(), "content");

    public static string SchemaPath { get; } = Path.Combine(ContentPath, "schema");

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Passport.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No Passport.sln above {AppContext.BaseDirectory}.");
    }
}
