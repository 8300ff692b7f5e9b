using System.Reflection;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.SignalR;
using NetArchTest.Rules;
using Passport.Application.PersonalData;
using Passport.Application.Privacy;
using Passport.Data.Accounts;
using Passport.Grains.Consent;
using Passport.Grains.JobSeekers;
using Passport.Grains.Sprints;
using Passport.Grains.Workshops;
using Passport.Web.Accounts;

namespace Passport.Web.Tests.Architecture;

/// <summary>
/// The layers as the architecture describes them: pages, API handlers and hubs in Passport.Web call use cases, and
/// only the application layer reaches the repositories and the grains that hold people's data.
/// </summary>
public sealed class LayerTests
{
    private static readonly Assembly Web = typeof(Program).Assembly;

    /// <summary>
    /// Host plumbing that needs Identity's user store: registering it under Identity, and the session stamps checked on
    /// every request. The demo seeders (Passport.Web.Demo) write their content at start.
    /// </summary>
    private static readonly string[] SignInPlumbing =
    [
        typeof(AccountsHostingExtensions).FullName!,
        typeof(SessionStamps).FullName!,
    ];

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

        Assert.Empty((result.FailingTypeNames ?? []).Select(TopLevel).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void WebTypes_OutsideSeedersAndSignInPlumbing_ReachNoRepositoryOrPersonalDataGrain()
    {
        var result = Types.InAssembly(Web).ShouldNot().HaveDependencyOnAny(PersonalDataAccess()).GetResult();

        var reaching = (result.FailingTypeNames ?? []).Select(TopLevel).Distinct(StringComparer.Ordinal).ToList();
        Assert.Empty(reaching
            .Where(name => !name.StartsWith("Passport.Web.Demo.", StringComparison.Ordinal) && !SignInPlumbing.Contains(name, StringComparer.Ordinal))
            .Order(StringComparer.Ordinal));
        // The exceptions are real: each still needs the store, so none can be dropped from the list unnoticed.
        Assert.Equal(SignInPlumbing.Order(StringComparer.Ordinal), reaching.Intersect(SignInPlumbing, StringComparer.Ordinal).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Web_DeclaresNoServiceMatcherOrDesk_TheUseCasesAreInTheApplicationLayer()
    {
        var named = Web.GetTypes()
            .Where(type => type.Name.EndsWith("Service", StringComparison.Ordinal)
                || type.Name.EndsWith("Matcher", StringComparison.Ordinal)
                || type.Name.EndsWith("Desk", StringComparison.Ordinal))
            .Select(type => type.FullName);

        Assert.Empty(named);
    }

    [Fact]
    public void PersonalDataSections_AreNotReachableOutsideTheApplicationLayer()
    {
        var sections = typeof(IPersonalDataSection).Assembly.GetTypes()
            .Where(type => type.IsClass && typeof(IPersonalDataSection).IsAssignableFrom(type))
            .ToList();

        Assert.NotEmpty(sections);
        // Export and erasure go through AccountErasure, which covers every section; no one reads a section on its own.
        Assert.All(sections, type => Assert.False(type.IsVisible, $"{type.FullName} must stay internal."));
        Assert.DoesNotContain(Web.GetTypes(), type => typeof(IPersonalDataSection).IsAssignableFrom(type));
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
