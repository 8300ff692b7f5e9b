using System.Reflection;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.SignalR;
using NetArchTest.Rules;
using Passport.Application.PersonalData;
using Passport.Data.Accounts;
using Passport.Grains.Consent;
using Passport.Grains.JobSeekers;
using Passport.Grains.Sprints;
using Passport.Grains.Workshops;

namespace Passport.Web.Tests.Architecture;

/// <summary>
/// The layers as the architecture describes them: pages, API handlers and hubs in Passport.Web call use cases, and
/// only the application layer reaches the repositories and the grains that hold people's data.
/// </summary>
public sealed class LayerTests
{
    /// <summary>
    /// Pages, API handlers and hubs that still reach a repository or a personal-data grain themselves, from before the
    /// application layer existed. Each is moved behind a use case in Passport.Application and taken off this list;
    /// nothing may be added to it.
    /// </summary>
    private static readonly HashSet<string> NotYetMoved = new(StringComparer.Ordinal)
    {
        "Passport.Web.Accounts.Profile",
        "Passport.Web.Admin.AdminOrganisationsApi",
        "Passport.Web.Matching.Pages.JobsForYou",
        "Passport.Web.Matching.Pages.RankerOversight",
        "Passport.Web.Matching.RankerAdminApi",
        "Passport.Web.Organisations.OrganisationApi",
        "Passport.Web.Pathways.Pages.EducationPathways",
        "Passport.Web.Pathways.PathwaysApi",
    };

    private static readonly Assembly Web = typeof(Program).Assembly;

    /// <summary>Repositories (and Identity's user store) of Passport.Data, and the grains that hold a person's data.</summary>
    private static string[] PersonalDataAccess() =>
    [
        .. typeof(UserStore).Assembly.GetExportedTypes()
            .Where(type => type.Name.EndsWith("Repository", StringComparison.Ordinal) || type == typeof(UserStore))
            .Select(type => type.FullName!),
        typeof(IJobSeekerGrain).FullName!,
        typeof(IConsentGrain).FullName!,
        typeof(IWorkshopGrain).FullName!,
        typeof(ISprintSessionGrain).FullName!,
    ];

    [Fact]
    public void PagesApiHandlersAndHubs_ReachNoRepositoryOrPersonalDataGrain()
    {
        var result = Types.InAssembly(Web)
            .That().Inherit(typeof(ComponentBase))
            .Or().HaveNameEndingWith("Api")
            .Or().Inherit(typeof(Hub))
            .ShouldNot().HaveDependencyOnAny(PersonalDataAccess())
            .GetResult();

        var offenders = (result.FailingTypeNames ?? []).Select(TopLevel).ToHashSet(StringComparer.Ordinal);

        Assert.Empty(offenders.Except(NotYetMoved).Order(StringComparer.Ordinal));
        // A type moved behind a use case comes off the list, so the list only ever shrinks.
        Assert.Empty(NotYetMoved.Except(offenders).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void PersonalDataDoor_ReaderAndLogWriter_AreNotReachableOutsideIt()
    {
        var application = typeof(IPersonalData).Assembly;
        var hidden = new[] { "Passport.Application.PersonalData.SharedPassportReader", "Passport.Application.PersonalData.PersonalDataDoor" }
            .Select(name => application.GetType(name, throwOnError: true)!)
            .Append(typeof(UserStore).Assembly.GetType("Passport.Data.Consent.AccessLogWriter", throwOnError: true)!);

        Assert.All(hidden, type => Assert.False(type.IsVisible, $"{type.FullName} must stay internal."));
    }

    // Razor and the compiler nest closures and state machines inside the type that owns them.
    private static string TopLevel(string name) => name.Split('/', '+')[0];
}
