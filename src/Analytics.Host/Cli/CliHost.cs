using System.CommandLine;
using Analytics.Host.Web;

namespace Analytics.Host.Cli;

/// <summary>The configuration and services a command needs, without the web server.</summary>
internal static class CliHost
{
    public static IHost Create(ParseResult parse)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [] });
        builder.AddPulseHost(parse.GetValue(CliOptions.Database));

        // The command line speaks for itself; only warnings and errors go to the log.
        builder.Configuration["Logging:LogLevel:Default"] = "Warning";
        return builder.Build();
    }
}
