using Passport.Application;
using Passport.Application.Email;
using Passport.Data;
using Passport.Web.Accounts;
using Passport.Web.Appointments;
using Passport.Web.Benchmarks;
using Passport.Web.Consent;
using Passport.Web.Credentials;
using Passport.Web.Handovers;
using Passport.Web.Health;
using Passport.Web.Hosting;
using Passport.Web.Localization;
using Passport.Web.Matching;
using Passport.Web.Notifications;
using Passport.Web.Pathways;
using Passport.Web.Shell;
using Passport.Web.Sprints;
using Passport.Web.Vacancies;

// Settings and static assets are read from beside the binaries, so the host behaves the same whatever folder
// it is started from; relative data paths (the SQLite file) still resolve against the working directory.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });

// Order matters: the database is migrated and seeded before the silo starts, and both before the web server.
builder.AddPassportData();
builder.AddPassportContent();
builder.AddPassportAccounts();
builder.AddPassportOrleans();
builder.AddPassportSprints();
builder.AddPassportApplication();
builder.AddPassportEmail();
builder.AddPassportConsent();
builder.AddPassportAppointments();
builder.AddPassportHandovers();
builder.AddPassportNotifications();
builder.AddPassportCredentials();
builder.AddPassportPathways();
builder.AddPassportVacancies();
builder.AddPassportMatching();
builder.AddPassportBenchmarks();
builder.AddPassportLocalization();
builder.AddPassportApi();
builder.AddPassportProxy();
builder.AddPassportWebUi();
builder.AddPassportHealth();

var app = builder.Build();

app.UsePassportPipeline();
app.MapPassportEndpoints();

return await app.RunPassportAsync();

/// <summary>Entry point; public so the tests' WebApplicationFactory can host it.</summary>
public partial class Program;
