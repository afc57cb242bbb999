using System.CommandLine;
using Analytics.Core.Storage;
using Analytics.Core.Storage.Migrations;
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

    /// <summary>
    /// Brings the database up to date before a command reads it: migrations, and the delivery settings of this
    /// configuration (a changed production environment list or link window re-derives the stored rows).
    /// </summary>
    public static async Task MigrateAsync(IHost host, CancellationToken cancellationToken)
    {
        await using var connection = await host.Services.GetRequiredService<PulseDatabase>().OpenAsync(cancellationToken);
        await host.Services.GetRequiredService<MigrationRunner>().ApplyAsync(connection, cancellationToken);
    }
}
