using Analytics.Surveys.Accounts;
using Analytics.Surveys.Administration;
using Analytics.Surveys.Audit;
using Analytics.Surveys.Ratings;
using Analytics.Surveys.Submissions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Analytics.Surveys;

/// <summary>Registers the survey side: store, writer, administration with its audit log, ratings and admin accounts.</summary>
public static class SurveysHostingExtensions
{
    /// <summary>Adds <see cref="SurveyOptions"/> (section <c>Pulse:Surveys</c>) and the survey services; the writer runs as a hosted service.</summary>
    public static IHostApplicationBuilder AddPulseSurveys(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<SurveyOptions>().BindConfiguration(SurveyOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<SurveyStore>();
        builder.Services.AddSingleton<SurveyAdministration>();
        builder.Services.AddSingleton<AdminAuditLog>();
        builder.Services.AddSingleton<MomentRatings>();
        builder.Services.AddSingleton<AdminAccounts>();
        builder.Services.AddSingleton<SubmissionWriter>();
        builder.Services.AddHostedService(services => services.GetRequiredService<SubmissionWriter>());
        return builder;
    }
}
