using System.CommandLine;
using Analytics.Host.Web;

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
            var app = PulseWebApp.Build([.. parse.UnmatchedTokens], parse.GetValue(CliOptions.Database));
            await app.RunAsync();
            return 0;
        });
        return command;
    }
}
