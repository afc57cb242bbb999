using System.Security.Cryptography;
using Analytics.Surveys.Accounts;
using Microsoft.Extensions.Options;

namespace Analytics.Host.Web.Admin;

/// <summary>
/// On a database with no admin, creates the first one so that <c>/admin</c> is reachable on a fresh install:
/// with <see cref="AdminOptions.InitialPassword"/> when set, otherwise with a random password that
/// <c>analytics serve</c> prints once on its console (never to the log). <c>analytics admin set-password</c> changes it.
/// </summary>
internal sealed partial class FirstAdminCreator(AdminAccounts accounts, IOptions<AdminOptions> options, ILogger<FirstAdminCreator> logger) : IHostedService
{
    /// <summary>The admin this start created, or null when the database already had one.</summary>
    public CreatedAdmin? Created { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (await accounts.CountAsync(cancellationToken) > 0)
        {
            return;
        }

        var settings = options.Value;
        var generated = string.IsNullOrEmpty(settings.InitialPassword) ? RandomPassword() : null;
        await accounts.SetPasswordAsync(settings.InitialUser, generated ?? settings.InitialPassword!, cancellationToken);
        Created = new CreatedAdmin(settings.InitialUser, generated);
        if (generated is null)
        {
            LogCreated(settings.InitialUser);
        }
        else
        {
            LogCreatedWithRandomPassword(settings.InitialUser);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static string RandomPassword() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(15)).Replace('+', 'x').Replace('/', 'y');

    [LoggerMessage(Level = LogLevel.Warning, Message = "Created the first admin '{User}' with a random password, shown once on the console of 'analytics serve'; change it with 'analytics admin set-password --user {User}'")]
    private partial void LogCreatedWithRandomPassword(string user);

    [LoggerMessage(Level = LogLevel.Information, Message = "Created the first admin '{User}' with the configured Pulse:Admin:InitialPassword")]
    private partial void LogCreated(string user);

    /// <summary>The first admin, with the password made for it (null when it came from configuration).</summary>
    public sealed record CreatedAdmin(string User, string? GeneratedPassword);
}
