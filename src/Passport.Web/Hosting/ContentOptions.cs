namespace Passport.Web.Hosting;

/// <summary>Configuration section <c>Content</c>: where the <c>content/</c> folder (sectors, demo data, later sprints) is read from.</summary>
public sealed class ContentOptions
{
    public const string SectionName = "Content";

    /// <summary>Defaults to the copy the build places beside the binaries.</summary>
    public string Path { get; set; } = System.IO.Path.Combine(AppContext.BaseDirectory, "content");

    public string File(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);
}
