using System.Globalization;
using Spectre.Console;

namespace Analytics.Host.Cli;

/// <summary>
/// How the command line writes to the terminal: no colour or other escape codes when <c>NO_COLOR</c> is set (any
/// non-empty value, https://no-color.org) or when the output is not a terminal, and tables as wide as the terminal:
/// <c>COLUMNS</c> when set, else the console's width, else 80.
/// </summary>
internal static class ConsoleSetup
{
    /// <summary>The width when neither <c>COLUMNS</c> nor the console gives one.</summary>
    public const int DefaultWidth = 80;

    public static void Apply()
    {
        var plain = Console.IsOutputRedirected || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));
        AnsiConsole.Console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = plain ? AnsiSupport.No : AnsiSupport.Detect,
            ColorSystem = plain ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
        });
        AnsiConsole.Profile.Width = Width();
    }

    private static int Width()
    {
        if (int.TryParse(Environment.GetEnvironmentVariable("COLUMNS"), NumberStyles.None, CultureInfo.InvariantCulture, out var columns) && columns > 0)
        {
            return columns;
        }

        if (!Console.IsOutputRedirected)
        {
            try
            {
                if (Console.WindowWidth > 0)
                {
                    return Console.WindowWidth;
                }
            }
            catch (IOException)
            {
                // No console to ask (a service manager, a container without a TTY).
            }
        }

        return DefaultWidth;
    }
}
