using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Passport.Application.Accounts;
using Passport.Application.Consent;
using Passport.Application.Credentials;
using Passport.Application.Insights;
using Passport.Application.JobSeekers;
using Passport.Application.Matching;
using Passport.Application.Organisations;
using Passport.Application.Passports;
using Passport.Application.Pathways;
using Passport.Application.PersonalData;
using Passport.Application.Plans;
using Passport.Application.Privacy;
using Passport.Application.Sharing;
using Passport.Application.Sprints;
using Passport.Application.Staff;
using Passport.Application.Vacancies;
using Passport.Application.Workshops;

namespace Passport.Application;

public static class ApplicationHostingExtensions
{
    /// <summary>The use cases, and the door to other people's data (<see cref="IPersonalData"/>) with the reader only it may use.</summary>
    public static IHostApplicationBuilder AddPassportApplication(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<LimitOptions>().BindConfiguration(LimitOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<AccountsOptions>().BindConfiguration(AccountsOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<SignInLockoutOptions>().BindConfiguration(SignInLockoutOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<SignInThrottle>();
        // Scoped like Identity's UserManager, which the host registers with the rest of Identity.
        builder.Services.AddScoped<AccountService>();
        builder.Services.AddOptions<StaffOptions>().BindConfiguration(StaffOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddScoped<StaffDesk>();
        builder.Services.AddScoped<PasswordResets>();
        builder.Services.AddSingleton<SharedPassportReader>();
        // INotificationPush is the host's (Passport.Web pushes through the person's notification feed grain).
        builder.Services.AddSingleton<Notifications.MyNotifications>();
        builder.Services.AddSingleton<IPersonalData, PersonalDataDoor>();
        builder.Services.AddSingleton<MyAccessLog>();
        builder.Services.AddSingleton<ConsentService>();
        // Issuer keys are read, or the first one made, in the host's starting phase; Passport.Web binds CredentialsOptions.
        builder.Services.AddSingleton<IssuerKeys>();
        builder.Services.AddHostedService(provider => provider.GetRequiredService<IssuerKeys>());
        builder.Services.AddSingleton<CredentialService>();
        builder.Services.AddSingleton<CredentialVerifier>();
        builder.Services.AddSingleton<EndorsementService>();
        builder.Services.AddSingleton<InsightsService>();
        builder.Services.AddSingleton<OrganisationDesk>();
        builder.Services.AddSingleton<PassportCalendar>();
        builder.Services.AddSingleton<PathwayDesk>();
        builder.Services.AddSingleton<PathwayQuestions>();
        builder.Services.AddSingleton<RankerModels>();
        builder.Services.AddSingleton<PathwayOffers>();
        builder.Services.AddSingleton<MatchWords>();
        builder.Services.AddSingleton<CandidateMatcher>();
        builder.Services.AddSingleton<MyMatcher>();
        builder.Services.AddSingleton<EmployerCandidates>();
        builder.Services.AddSingleton<MyJobs>();
        builder.Services.AddSingleton<MyExperiences>();
        builder.Services.AddSingleton<MyPreferences>();
        builder.Services.AddSingleton<MyNextStep>();
        builder.Services.AddSingleton<ShareLinkService>();
        builder.Services.AddSingleton<SprintPlay>();
        builder.Services.AddSingleton<VacancyDesk>();
        builder.Services.AddSingleton<MyPlan>();
        builder.Services.AddOptions<Journeys.InViewOptions>().BindConfiguration(Journeys.InViewOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<Journeys.MyJourney>();
        builder.Services.AddSingleton<Journeys.InViewDesk>();
        builder.Services.AddSingleton<ContactPersons>();
        builder.Services.AddSingleton<SocialMap.SocialMapDesk>();
        builder.Services.AddSingleton<Passport.Application.People.PeopleNotices>();
        builder.Services.AddSingleton<WorkshopRoom>();

        // Export and erasure cover every section, in this order (the export's order of properties).
        builder.Services.AddSingleton<IPersonalDataSection, AccountSection>();
        builder.Services.AddSingleton<IPersonalDataSection, SprintSection>();
        builder.Services.AddSingleton<IPersonalDataSection, ConsentSection>();
        builder.Services.AddSingleton<IPersonalDataSection, WorkshopSection>();
        builder.Services.AddSingleton<IPersonalDataSection, RecordsSection>();
        builder.Services.AddSingleton<IPersonalDataSection, ShareLinkSection>();
        builder.Services.AddSingleton<IPersonalDataSection, CredentialSection>();
        builder.Services.AddSingleton<IPersonalDataSection, MatchingDataSection>();
        builder.Services.AddSingleton<IPersonalDataSection, PathwayQuestionsDataSection>();
        builder.Services.AddSingleton<IPersonalDataSection, PlanDataSection>();
        builder.Services.AddSingleton<IPersonalDataSection, Journeys.JourneyDataSection>();
        builder.Services.AddMunicipalityInsights();
        builder.Services.AddSingleton<IPersonalDataSection, Notifications.NotificationSection>();
        builder.Services.AddSingleton<AccountErasure>();
        return builder;
    }
}
