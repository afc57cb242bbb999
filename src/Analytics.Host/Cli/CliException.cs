namespace Analytics.Host.Cli;

/// <summary>A problem with what was typed on the command line, already worded as the one line to show.</summary>
internal sealed class CliException(string message) : Exception(message);
