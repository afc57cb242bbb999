using System.Security.Cryptography;
using Analytics.Surveys.Accounts;
using Microsoft.Extensions.Options;

namespace Analytics.Host.Web.Admin;

/// <summary>
/// On a database with no admin, creates the first one so that <c>/admin</c> is reachable on a fresh install:
/// with <see cref="AdminOptions.InitialPassword"/> when set, otherwise with a random password written once to
/// the log. <c>analytics admin set-password</c> changes it.
/// </summary>
internal sealed partial class FirstAdminCreator(AdminAccounts accounts, IOptions<AdminOptions> options, ILogger<FirstAdminCreator> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (await accounts.CountAsync(cancellationToken) > 0)
        {
            return;
        }

        var settings = options.Value;
        var password = string.IsNullOrEmpty(settings.InitialPassword) ? RandomPassword() : settings.InitialPassword;
        await accounts.SetPasswordAsync(settings.InitialUser, password, cancellationToken);
        if (string.IsNullOrEmpty(settings.InitialPassword))
        {
            LogCreatedWithRandomPassword(settings.InitialUser, password);
        }
        else
        {
            LogCreated(settings.InitialUser);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static string RandomPassword() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(15)).Replace('+', 'x').Replace('/', 'y');

    [LoggerMessage(Level = LogLevel.Warning, Message = "Created the first admin '{User}' with password {Password} for /admin; change it with 'analytics admin set-password --user {User}'")]
    private partial void LogCreatedWithRandomPassword(string user, string password);

    [LoggerMessage(Level = LogLevel.Information, Message = "Created the first admin '{User}' with the configured Pulse:Admin:InitialPassword")]
    private partial void LogCreated(string user);
}
