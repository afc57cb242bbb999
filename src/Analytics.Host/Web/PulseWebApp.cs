using System.Threading.RateLimiting;
using Analytics.Core.Metrics;
using Analytics.Core.Storage;
using Analytics.Host.ApiKeys;
using Analytics.Host.Reports;
using Analytics.Host.Storage;
using Analytics.Host.Web.Admin;
using Analytics.Host.Web.Admin.ApiKeys;
using Analytics.Host.Web.Api;
using Analytics.Host.Web.Dashboards;
using Analytics.Host.Web.Home;
using Analytics.Host.Web.Security;
using Analytics.Host.Web.Surveys;
using Analytics.Ingestion;
using Analytics.Ingestion.Scheduling;
using Analytics.Reports;
using Analytics.Surveys;
using Hangfire.Common;
using Microsoft.AspNetCore.Authentication;
using Scalar.AspNetCore;

namespace Analytics.Host.Web;

/// <summary>The web service: dashboards, APIs and the survey form, on the embedded database.</summary>
internal static class PulseWebApp
{
    public static WebApplication Build(string[] args, string? databasePath)
    {
        // The stylesheet and scripts ship next to the executable, wherever the service is started from.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, WebRootPath = Path.Combine(AppContext.BaseDirectory, "wwwroot") });
        builder.AddPulseHost(databasePath);
        builder.Services.AddHostedService<DatabaseKeeper>();
        builder.Services.AddHostedService<FirstAdminCreator>();
        builder.AddPulseScheduling();
        AddReportSchedule(builder);
        builder.Services.AddProblemDetails();
        AddApi(builder);
        AddDashboards(builder);
        AddWebSecurity(builder);
        builder.AddPulseWebEdge();

        var app = builder.Build();
        app.UseForwardedHeaders();
        app.UseExceptionHandler();
        app.UseSecurityHeaders();
        app.UseStaticFiles();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapHealth();
        app.MapHome();
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapScalarApiReference(SecurityHeaders.ApiReferencePath, options => options.WithTitle("Pulse API")
            .HideDeveloperTools().DisableAgent().DisableMcp().DisableTelemetry().AddPreferredSecuritySchemes("apiKey"));
        app.MapMetricsApi();
        app.MapDrillDownApi();
        app.MapAiApi();
        app.MapEvents();
        app.MapGitHubWebhook();
        app.MapSurveyForm();
        app.MapMomentRatings();
        app.MapAdminLogin();
        app.MapAdminSurveys();
        app.MapAdminSources();
        app.MapAdminReports();
        app.MapDashboards();
        app.MapAdminAudit();
        app.MapAdminApiKeys();
        app.MapAdminJobs();
        return app;
    }

    /// <summary>The services every entry point shares: configuration, storage and ingestion.</summary>
    public static IHostApplicationBuilder AddPulseHost(this IHostApplicationBuilder builder, string? databasePath)
    {
        // appsettings.json ships next to the executable; it is the lowest layer, under the working directory's
        // own files, the environment and the command line.
        var shipped = new Microsoft.Extensions.Configuration.Json.JsonConfigurationSource
        {
            Path = Path.Combine(AppContext.BaseDirectory, "appsettings.json"),
            Optional = true,
        };
        shipped.ResolveFileProvider();
        builder.Configuration.Sources.Insert(0, shipped);
        if (databasePath is not null)
        {
            builder.Configuration[$"{DatabaseOptions.Section}:Path"] = databasePath;
        }

        builder.AddPulseStorage();
        builder.AddPulseMetrics();
        builder.AddPulseIngestion();
        builder.AddPulseSurveys();
        builder.AddPulseReports();
        builder.Services.AddSingleton<DatabaseInitializer>();
        builder.Services.AddSingleton<ApiKeyStore>();
        return builder;
    }

    /// <summary>The previous quarter's report, written on the first day of each quarter (<c>Pulse:Reports:Cron</c>).</summary>
    private static void AddReportSchedule(WebApplicationBuilder builder)
    {
        var setting = $"{ReportOptions.Section}:Cron";
        var cron = builder.Configuration[setting] ?? new ReportOptions().Cron;
        builder.Services.AddTransient<QuarterlyReportJob>();
        builder.Services.AddSingleton(new RecurringJobDefinition(QuarterlyReportJob.RecurringJobId, setting, cron,
            Job.FromExpression<QuarterlyReportJob>(job => job.RunAsync(CancellationToken.None))));
    }

    /// <summary>The JSON API's document and serialisation (enums by name, as the CLI writes them).</summary>
    private static void AddApi(WebApplicationBuilder builder)
    {
        builder.Services.AddOpenApi(ApiDocument.Configure);
        builder.Services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter());
            options.SerializerOptions.NumberHandling |= System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals;
        });
    }

    /// <summary>The dashboards: pages rendered by Razor components on the server, over cached quarter results.</summary>
    private static void AddDashboards(WebApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents();
        builder.Services.AddSingleton<DashboardCache>();
        builder.Services.AddSingleton<DashboardData>();
        builder.Services.AddSingleton<DashboardTrends>();
        builder.Services.AddSingleton<AdoptionData>();
        builder.Services.AddSingleton<AiAssistedData>();
        builder.Services.AddSingleton<FrictionThemes>();
        builder.Services.AddSingleton<DataHealthData>();
        builder.Services.AddOptions<SourceLinkOptions>().BindConfiguration(SourceLinkOptions.Section);
        builder.Services.AddSingleton<SourceLinks>();
        builder.Services.AddSingleton<DrillDownData>();
    }

    /// <summary>Admin sign-in (cookie, roles, single sign-on), antiforgery for forms, and per-client rate limits on what anyone can post.</summary>
    private static void AddWebSecurity(WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<AdminOptions>().BindConfiguration(AdminOptions.Section);
        var admin = builder.Configuration.GetSection(AdminOptions.Section).Get<AdminOptions>() ?? new AdminOptions();
        builder.AddAdminAuthentication(admin);
        builder.Services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, ApiKeyAuthentication>(ApiKeyDefaults.Scheme, null);
        builder.Services.AddAuthorization(options => options.AddPolicy(ApiKeyDefaults.Policy, policy =>
            policy.AddAuthenticationSchemes(ApiKeyDefaults.Scheme).RequireAuthenticatedUser()));
        builder.Services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "pulse-antiforgery";
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });

        var surveys = builder.Configuration.GetSection(SurveyOptions.Section).Get<SurveyOptions>() ?? new SurveyOptions();
        builder.Services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // A personal link is limited on its own, so colleagues behind one office address never share a budget;
            // open links, which anyone can post to, are limited per address.
            options.AddPolicy(SurveyFormEndpoints.SubmissionRateLimit, context => PerClient(context, surveys.SubmissionsPerMinutePerClient,
                context.Request.RouteValues["token"] is string token ? "link:" + token : null));
            options.AddPolicy(MomentRatingEndpoints.RatingRateLimit, context => PerClient(context, surveys.RatingsPerMinutePerClient));
            options.AddPolicy(AdminLoginEndpoints.LoginRateLimit, context => PerClient(context, 10));
            options.OnRejected = async (context, cancellationToken) =>
            {
                var page = SurveyPages.Notice("Too many attempts", "This device has sent too many forms in the last minute, so this one was not saved. Wait a minute and send it again.", StatusCodes.Status429TooManyRequests);
                context.HttpContext.Response.Headers.RetryAfter = "60";
                await page.ExecuteAsync(context.HttpContext);
            };
        });
    }

    private static RateLimitPartition<string> PerClient(HttpContext context, int perMinute, string? key = null) =>
        RateLimitPartition.GetFixedWindowLimiter(key ?? context.Connection.RemoteIpAddress?.ToString() ?? "unknown", _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = perMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });
}
