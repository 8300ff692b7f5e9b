namespace Passport.Cli;

/// <summary>Where content/ is when no <c>--content</c> is given.</summary>
public static class ContentFolder
{
    /// <summary>
    /// The <c>content/</c> of the clone that <paramref name="workingDirectory"/> lies in (the first folder upwards
    /// holding <c>content/schema</c>), so authors check the files they edit rather than the build's copy; otherwise
    /// the copy beside the binaries.
    /// </summary>
    public static string Find(string workingDirectory, string baseDirectory)
    {
        for (var folder = new DirectoryInfo(workingDirectory); folder is not null; folder = folder.Parent)
        {
            var content = Path.Combine(folder.FullName, "content");
            if (Directory.Exists(Path.Combine(content, "schema")))
            {
                return content;
            }
        }

        return Path.Combine(baseDirectory, "content");
    }
}
