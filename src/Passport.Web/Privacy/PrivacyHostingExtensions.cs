namespace Passport.Web.Privacy;

public static class PrivacyHostingExtensions
{
    /// <summary>Export and erasure, and the sections of personal data they cover.</summary>
    public static IHostApplicationBuilder AddPassportPrivacy(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddSingleton<IPersonalDataSection, AccountSection>();
        services.AddSingleton<IPersonalDataSection, SprintSection>();
        services.AddSingleton<IPersonalDataSection, ConsentSection>();
        services.AddSingleton<IPersonalDataSection, WorkshopSection>();
        services.AddSingleton<IPersonalDataSection, RecordsSection>();
        services.AddSingleton<IPersonalDataSection, ShareLinkSection>();
        services.AddSingleton<IPersonalDataSection, CredentialSection>();
        services.AddSingleton<AccountErasure>();
        return builder;
    }
}
