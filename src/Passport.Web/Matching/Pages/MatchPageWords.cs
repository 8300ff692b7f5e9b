using Microsoft.Extensions.Localization;
using Passport.Application.Matching;
using Passport.Web.Localization;

namespace Passport.Web.Matching.Pages;

/// <summary>Levels, certainty, invitations and fit in the plain words every matching page uses alike.</summary>
public static class MatchPageWords
{
    /// <summary>The outcomes an employer can record, best first, as the API names them.</summary>
    public static IReadOnlyList<string> Outcomes { get; } = ["hired", "interviewed", "shortlisted", "viewed", "rejected"];

    /// <summary>"Level 4 of 5: strong".</summary>
    public static string Level(IStringLocalizer<Texts> texts, int level)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var clamped = Math.Clamp(level, 1, 5);
        return texts["Matches.Level", clamped, 5, texts[$"Matches.Level.{clamped}"]];
    }

    /// <summary>Filled and empty dots for the level; decoration beside the words, hidden from screen readers.</summary>
    public static string Dots(int level)
    {
        var clamped = Math.Clamp(level, 0, 5);
        return new string('●', clamped) + new string('○', 5 - clamped);
    }

    /// <summary>Where an invitation stands, said to the employer.</summary>
    public static string Invitation(IStringLocalizer<Texts> texts, InvitationView? invitation)
    {
        ArgumentNullException.ThrowIfNull(texts);
        return invitation is null ? texts["Matches.Invitation.None"] : texts[$"Matches.Invitation.{invitation.Status}"];
    }

    /// <summary>
    /// Whether a fit is worth saying: that many typical candidates fit better is no news on a list sorted by fit, so
    /// only a fit at least as good as some is said.
    /// </summary>
    public static bool FitShown(int fit) => fit >= 30;

    /// <summary>"Eindhoven (about 12 km away)", "Eindhoven (where you live)", or the place alone when the distance is not known.</summary>
    public static string Place(IStringLocalizer<Texts> texts, string place, int? distanceKm)
    {
        ArgumentNullException.ThrowIfNull(texts);
        return distanceKm switch
        {
            0 => texts["MyMatches.PlaceHere", place],
            { } km => texts["MyMatches.PlaceDistance", place, km],
            null => place,
        };
    }

    /// <summary>A job seeker's fit for a vacancy from the share (0–100) of typical candidates placed below them.</summary>
    public static string Fit(IStringLocalizer<Texts> texts, int fit)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var inTen = (int)Math.Round(Math.Clamp(fit, 0, 100) / 10.0, MidpointRounding.AwayFromZero);
        return fit switch
        {
            >= 60 => texts["Matches.Fit.Most", inTen],
            >= 30 => texts["Matches.Fit.Some", inTen],
            _ => texts["Matches.Fit.Few"],
        };
    }
}
