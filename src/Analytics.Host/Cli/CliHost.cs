using System.CommandLine;
using Analytics.Core.Storage;
using Analytics.Core.Storage.Migrations;
using Analytics.Host.Web;

namespace Analytics.Host.Cli;

/// <summary>The configuration and services a command needs, without the web server.</summary>
internal static class CliHost
{
    /// <summary>
    /// The services over the <c>--db</c> database, which must exist unless <paramref name="mayCreateDatabase"/>:
    /// only the commands that make a database (init, seed, serve, import, restore) may start from nothing.
    /// </summary>
    public static IHost Create(ParseResult parse, bool mayCreateDatabase = false)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [] });
        builder.AddPulseHost(parse.GetValue(CliOptions.Database));

        // The command line speaks for itself; only warnings and errors go to the log.
        builder.Configuration["Logging:LogLevel:Default"] = "Warning";
        var host = builder.Build();
        try
        {
            DatabaseFile.Check(host.Services.GetRequiredService<PulseDatabase>().Path, mayCreateDatabase);
        }
        catch
        {
            host.Dispose();
            throw;
        }

        return host;
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
