using System.CommandLine;
using Analytics.Core.Storage;
using Analytics.Host.Web;
using Analytics.Host.Web.Admin;

namespace Analytics.Host.Cli;

/// <summary><c>analytics serve</c>: the web service with its scheduled jobs, on the embedded database.</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var command = new Command("serve", "Run the web service (the default command). ASP.NET options such as --urls http://127.0.0.1:5080 pass through.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var app = PulseWebApp.Build([.. parse.UnmatchedTokens], parse.GetValue(CliOptions.Database));
            var database = app.Services.GetRequiredService<PulseDatabase>();
            DatabaseFile.Check(database.Path, mayCreate: true);

            // Opened once before the host starts, so that a file in use or unreadable is one line here rather than
            // the host's logged stack trace.
            await (await database.OpenAsync(cancellationToken)).DisposeAsync();
            await app.StartAsync(cancellationToken);
            var firstAdmin = app.Services.GetServices<IHostedService>().OfType<FirstAdminCreator>().Single().Created;
            ServeBanner.Write(Console.Out, app.Urls, firstAdmin);
            await app.WaitForShutdownAsync(cancellationToken);
            return 0;
        });
        return command;
    }
}
