namespace Analytics.Host.Cli;

/// <summary>The exit codes of the command line besides 0 (done).</summary>
internal static class CliExitCodes
{
    /// <summary>Something went wrong; one line on standard error says what.</summary>
    public const int Failed = 1;

    /// <summary>Stopped by Ctrl+C (SIGINT), as shells report a process ended by that signal (128 + 2).</summary>
    public const int Cancelled = 130;
}
