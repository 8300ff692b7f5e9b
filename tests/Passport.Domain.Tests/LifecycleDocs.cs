namespace Passport.Domain.Tests;

/// <summary>The lifecycle graphs in <c>docs/lifecycles/</c> of the clone the tests run in.</summary>
public static class LifecycleDocs
{
    /// <summary>The exported graph, normalised like <see cref="Normalise"/>.</summary>
    public static string Read(string fileName) => Normalise(File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "lifecycles", fileName)));

    public static string Normalise(string graph) => graph.ReplaceLineEndings().Trim();

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Passport.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Run the tests from inside the repository.");
    }
}
