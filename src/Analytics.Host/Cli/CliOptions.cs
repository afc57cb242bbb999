using System.CommandLine;
using Analytics.Core.Storage;

namespace Analytics.Host.Cli;

/// <summary>Options every command takes.</summary>
internal static class CliOptions
{
    public static readonly Option<string?> Database = new("--db")
    {
        Description = $"The DuckDB database file (default {DatabaseOptions.DefaultPath}; also Pulse__Database__Path in the environment).",
        HelpName = "file",
        Recursive = true,
    };
}
