using System.CommandLine;
using Spectre.Console;

namespace Analytics.Host.Cli;

/// <summary>The <c>analytics</c> command line: <c>serve</c> (the default), <c>init</c>, <c>seed</c>, <c>metrics</c>, <c>import</c>, <c>runs</c>, <c>audit</c>, <c>sync</c>, <c>admin</c>, <c>report</c>, <c>backup</c>, <c>restore</c>.</summary>
internal static class PulseCli
{
    private static readonly string[] HelpTokens = ["-h", "--help", "-?", "--version"];

    public static async Task<int> RunAsync(string[] args)
    {
        var root = new RootCommand("Pulse: developer-experience analytics and surveys for platform teams.")
        {
            CliOptions.Database,
            ServeCommand.Create(),
            InitCommand.Create(),
            SeedCommand.Create(),
            MetricsCommand.Create(),
            ImportCommand.Create(),
            RunsCommand.Create(),
            AuditCommand.Create(),
            SyncCommand.Create(),
            AdminCommand.Create(),
            ApiKeyCommand.Create(),
            ReportCommand.Create(),
            BackupCommand.Create(),
            RestoreCommand.Create(),
        };
        ConsoleSetup.Apply();
        var parse = root.Parse(WithDefaultCommand(args, root));
        if (parse.Errors.Count > 0)
        {
            // The parser would print its errors followed by the whole help; one line says what is wrong.
            // A mistyped word explains the other errors it causes (such as a missing command), so it comes first.
            var first = parse.Errors.OrderBy(e => e.Message.StartsWith("Unrecognized", StringComparison.Ordinal) ? 0 : 1).First();
            await Console.Error.WriteLineAsync($"error: {CliErrors.DescribeParseError(first.Message)}");
            return CliExitCodes.Failed;
        }

        try
        {
            // The service handles SIGTERM itself and drains its survey queue before it exits, and seed removes its
            // unfinished file; the parser's own handler would end the process two seconds after the signal,
            // whatever they still had to do.
            var handlesSignals = parse.CommandResult.Command.Name is "serve" or "seed";
            return await parse.InvokeAsync(new InvocationConfiguration
            {
                EnableDefaultExceptionHandler = false,
                ProcessTerminationTimeout = handlesSignals ? null : new InvocationConfiguration().ProcessTerminationTimeout,
            });
        }
        catch (OperationCanceledException)
        {
            await Console.Error.WriteLineAsync("error: cancelled.");
            return CliExitCodes.Cancelled;
        }
        catch (Exception error)
        {
            await Console.Error.WriteLineAsync($"error: {CliErrors.Describe(error)}");
            if (Environment.GetEnvironmentVariable("PULSE_DEBUG") == "1")
            {
                // For a maintainer chasing a bug; a user sees the one line above.
                await Console.Error.WriteLineAsync(error.ToString());
            }

            return CliExitCodes.Failed;
        }
    }

    /// <summary>
    /// <c>analytics</c> alone, or with only options such as <c>--urls</c>, means <c>analytics serve</c>; a first
    /// word that is not an option is left for the parser, so a mistyped command is an error, not a server.
    /// </summary>
    private static string[] WithDefaultCommand(string[] args, RootCommand root)
    {
        var commands = root.Subcommands.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        var onlyOptions = args.Length == 0 || args[0].StartsWith('-');
        return onlyOptions && !args.Any(a => commands.Contains(a) || HelpTokens.Contains(a)) ? ["serve", .. args] : args;
    }
}
