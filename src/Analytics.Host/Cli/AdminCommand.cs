using System.CommandLine;
using Analytics.Core.Storage;
using Analytics.Host.Storage;
using Analytics.Surveys.Accounts;
using Spectre.Console;

namespace Analytics.Host.Cli;

/// <summary><c>analytics admin set-password --user NAME</c>: creates a survey admin or changes their password.</summary>
internal static class AdminCommand
{
    public static Command Create()
    {
        var user = new Option<string>("--user") { Description = "The admin's username (created when new).", Required = true };
        var setPassword = new Command("set-password", "Create an admin for /admin, or set a new password. The password is read from standard input when it is piped, otherwise asked for.") { user };
        setPassword.SetAction(async (parse, cancellationToken) =>
        {
            var password = Console.IsInputRedirected
                ? (await Console.In.ReadLineAsync(cancellationToken))?.TrimEnd('\r', '\n') ?? ""
                : await new TextPrompt<string>("New password:").Secret().ShowAsync(AnsiConsole.Console, cancellationToken);
            using var host = CliHost.Create(parse);
            await using (var connection = await host.Services.GetRequiredService<PulseDatabase>().OpenAsync(cancellationToken))
            {
                await host.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync(connection, loadDemoData: false, cancellationToken);
            }

            var name = parse.GetValue(user)!;
            await host.Services.GetRequiredService<AdminAccounts>().SetPasswordAsync(name, password, cancellationToken);
            Console.WriteLine($"Admin '{name}' can now sign in at /admin.");
            return 0;
        });
        return new Command("admin", "Manage the people who run surveys from /admin.") { setPassword };
    }
}
