using System.Text.RegularExpressions;

namespace Passport.Web.Tests.Architecture;

/// <summary>
/// Pages write dates only through <see cref="Passport.Web.Localization.LocalDates"/>, so every page shows one date
/// style per language. A page that formats a date by itself (a culture date pattern such as "d", "D", "f" or
/// "d MMM yyyy", ToShortDateString, or an interpolated {at:d}) fails here. Machine forms ("O", "yyyy-MM-dd" with the
/// invariant culture, for attributes, inputs and file names) stay allowed.
/// </summary>
public sealed partial class DateFormatTests
{
    [Fact]
    public void WebSources_OutsideTheFormatter_FormatNoDateForPeople()
    {
        var web = Path.Combine(RepositoryRoot(), "src", "Passport.Web");
        var offenders = Directory.EnumerateFiles(web, "*.*", SearchOption.AllDirectories)
            .Where(file => file.EndsWith(".razor", StringComparison.Ordinal) || file.EndsWith(".cs", StringComparison.Ordinal))
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && Path.GetFileName(file) != "LocalDates.cs")
            .SelectMany(file => File.ReadLines(file).Select((line, index) => (file, line, number: index + 1)))
            .Where(entry => PeopleDateFormat().IsMatch(entry.line))
            .Select(entry => $"{Path.GetRelativePath(web, entry.file)}:{entry.number}: {entry.line.Trim()}")
            .ToList();

        Assert.Empty(offenders);
    }

    [Theory]
    [InlineData("""at.ToString("D", CultureInfo.CurrentCulture)""")]
    [InlineData("""local.ToString("d", System.Globalization.CultureInfo.CurrentCulture)""")]
    [InlineData("""at.ToString("d MMM yyyy, HH:mm", CultureInfo.CurrentCulture)""")]
    [InlineData("""date.ToString("MMMM yyyy", CultureInfo.CurrentCulture)""")]
    [InlineData("""day.ToShortDateString()""")]
    [InlineData("""@($"{issuedAt:d}")""")]
    public void PeopleDateFormat_SeesAPageFormattingADate(string line) => Assert.Matches(PeopleDateFormat(), line);

    [Theory]
    [InlineData("""at.ToString("O", CultureInfo.InvariantCulture)""")]
    [InlineData("""day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)""")]
    [InlineData("""count.ToString("N0", CultureInfo.CurrentCulture)""")]
    [InlineData("""value.ToString("0.000", CultureInfo.CurrentCulture)""")]
    [InlineData("$\"passport-{row.IssuedAt:yyyy-MM-dd}.jwt\"")]
    public void PeopleDateFormat_LeavesMachineDatesAndNumbersAlone(string line) => Assert.DoesNotMatch(PeopleDateFormat(), line);

    // A standard date pattern, or a custom one with day/month/year letters, in the current culture; the old
    // short/long date helpers; or a date pattern inside an interpolation hole.
    [GeneratedRegex("""ToString\("([dDfFgGmMyYtT]|[^"]*(MMM|yyyy|dd|HH)[^"]*)",\s*(System\.Globalization\.)?CultureInfo\.CurrentCulture|To(Short|Long)(Date|Time)String\(|\{[A-Za-z_.]+:([dDfFgGMYtT]|[^}]*MMM[^}]*)\}""")]
    private static partial Regex PeopleDateFormat();

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Passport.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException($"No Passport.sln above {AppContext.BaseDirectory}.");
    }
}
