using System.CommandLine;
using Analytics.Core.Storage;
using Analytics.Host.Storage;
using Analytics.Host.Web.Admin;
using Analytics.Surveys.Accounts;
using Spectre.Console;

namespace Analytics.Host.Cli;

/// <summary>
/// <c>analytics admin set-password --user NAME [--role admin|viewer]</c>: creates a survey admin (or a read-only
/// viewer) or changes their password, which also signs them out everywhere.
/// </summary>
internal static class AdminCommand
{
    public static Command Create()
    {
        var user = new Option<string>("--user") { Description = "The admin's username (created when new).", Required = true };
        var role = new Option<string?>("--role") { Description = "admin (may change things, the default for a new account) or viewer (may only look); an existing account keeps its role unless given." };
        var setPassword = new Command("set-password", "Create an admin for /admin, or set a new password (ending their sessions). The password is read from standard input when it is piped, otherwise asked for.") { user, role };
        setPassword.SetAction(async (parse, cancellationToken) =>
        {
            // The database is checked first, so a mistyped --db fails before the password is asked for.
            using var host = CliHost.Create(parse);
            var password = Console.IsInputRedirected
                ? (await Console.In.ReadLineAsync(cancellationToken))?.TrimEnd('\r', '\n') ?? ""
                : await new TextPrompt<string>("New password:").Secret().ShowAsync(AnsiConsole.Console, cancellationToken);
            await using (var connection = await host.Services.GetRequiredService<PulseDatabase>().OpenAsync(cancellationToken))
            {
                await host.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync(connection, loadDemoData: false, cancellationToken);
            }

            var name = parse.GetValue(user)!;
            var given = parse.GetValue(role);
            await host.Services.GetRequiredService<AdminAccounts>().SetPasswordAsync(name, password, given, cancellationToken);
            Console.WriteLine(given == AdminRoles.Viewer ? $"Viewer '{name}' can now sign in at /admin (read only)." : $"Admin '{name}' can now sign in at /admin.");
            return 0;
        });
        return new Command("admin", "Manage the people who run surveys from /admin.") { setPassword };
    }
}
