using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Passport.Data.Accounts;
using Passport.Data.Cluster;
using Passport.Data.Consent;
using Passport.Data.Credentials;
using Passport.Data.Database;
using Passport.Data.Email;
using Passport.Data.Endorsements;
using Passport.Data.Experiences;
using Passport.Data.Handovers;
using Passport.Data.JobSeekers;
using Passport.Data.Migrations;
using Passport.Data.Notifications;
using Passport.Data.Organisations;
using Passport.Data.Insights;
using Passport.Data.Matching;
using Passport.Data.Pathways;
using Passport.Data.Plans;
using Passport.Data.Privacy;
using Passport.Data.Security;
using Passport.Data.Sharing;
using Passport.Data.SocialMap;
using Passport.Data.Sprints;
using Passport.Data.Staff;
using Passport.Data.Vacancies;
using Passport.Data.Workshops;

namespace Passport.Data;

public static class DataHostingExtensions
{
    /// <summary>
    /// Registers the database (SQLite or PostgreSQL, from <c>Storage</c> and <c>ConnectionStrings:Passport</c>),
    /// the start-up migration, the repositories and the database-backed Data Protection key ring.
    /// Call it before the Orleans silo is added, so the schema is current before grains activate.
    /// </summary>
    public static IHostApplicationBuilder AddPassportData(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<StorageOptions>()
            .BindConfiguration(StorageOptions.SectionName)
            .Configure(options => options.ConnectionString ??= builder.Configuration.GetConnectionString("Passport"))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>();
        services.AddSingleton(provider => PassportDatabase.Create(provider.GetRequiredService<IOptions<StorageOptions>>().Value));

        services.AddSingleton<DatabaseMigrator>();
        services.AddHostedService<DatabaseInitializer>();

        services.AddSingleton<UserStore>();
        services.AddSingleton<PasswordResetRepository>();
        services.AddSingleton<StaffRepository>();
        services.AddSingleton<OrganisationRepository>();
        services.AddSingleton<JobSeekerRepository>();
        services.AddSingleton<SprintRepository>();
        services.AddSingleton<ISprintSessionStore>(provider => provider.GetRequiredService<SprintRepository>());
        services.AddSingleton<WorkshopRepository>();
        services.AddSingleton<ExperienceRepository>();
        services.AddSingleton<EndorsementRepository>();
        services.AddSingleton<CredentialRepository>();
        services.AddSingleton<SigningKeyStore>();
        services.AddSingleton<ConsentRepository>();
        services.AddSingleton<AccessLogRepository>();
        services.AddSingleton<AccessLogWriter>();
        services.AddSingleton<ErasureRepository>();
        services.AddSingleton<ErasedDataCleanup>();
        services.AddHostedService(provider => provider.GetRequiredService<ErasedDataCleanup>());
        services.AddSingleton<ShareLinkRepository>();
        services.AddSingleton<PathwayRepository>();
        services.AddSingleton<PathwayQuestionRepository>();
        services.AddSingleton<VacancyRepository>();
        services.AddSingleton<PlanRepository>();
        services.AddSingleton<PlanBarrierRepository>();
        services.AddSingleton<ContactPersonRepository>();
        services.AddSingleton<Journeys.JourneyRepository>();
        services.AddSingleton<Journeys.InViewRepository>();
        services.AddSingleton<SocialMapRepository>();
        services.AddSingleton<HandoverRepository>();
        services.AddSingleton<NotificationRepository>();
        services.AddSingleton<InsightsRepository>();
        services.AddSingleton<CohortRepository>();
        services.AddSingleton<RankerModelRepository>();
        services.AddSingleton<CandidateRepository>();
        services.AddSingleton<MatchRepository>();
        services.AddSingleton<ClusterHostStore>();
        services.AddSingleton<OutboxStore>();

        services.AddSingleton<DataProtectionKeyRepository>();
        services.AddOptions<KeyRingOptions>().BindConfiguration(KeyRingOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<KeyRingOptions>, KeyRingOptionsValidator>();
        var protection = services.AddDataProtection().SetApplicationName("Passport");
        services.AddOptions<KeyManagementOptions>()
            .Configure<DataProtectionKeyRepository>((options, repository) => options.XmlRepository = repository);
        // Keys are encrypted before they reach the database, so a copy of it (or a backup) cannot forge cookies.
        // Without a certificate (Development only) Data Protection logs that it stores a key unencrypted.
        var certificates = (builder.Configuration.GetSection(KeyRingOptions.SectionName).Get<KeyRingOptions>() ?? new()).TryLoad();
        if (certificates.Count > 0)
        {
            protection.ProtectKeysWithCertificate(certificates[0]).UnprotectKeysWithAnyCertificate([.. certificates]);
        }

        return builder;
    }
}
