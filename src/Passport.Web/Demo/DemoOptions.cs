namespace Passport.Web.Demo;

/// <summary>Configuration section <c>Seed</c>.</summary>
public sealed class DemoOptions
{
    public const string SectionName = "Seed";

    /// <summary>Seed the demo organisations and accounts; the default is true only in Development (see appsettings.Development.json).</summary>
    public bool Demo { get; set; }
}
