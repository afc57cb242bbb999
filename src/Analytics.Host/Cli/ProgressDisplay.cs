using Spectre.Console;

namespace Analytics.Host.Cli;

/// <summary>
/// Shows the progress of long work: a live bar on a terminal, and a line per stage and per tenth of the work on
/// standard error when the output is redirected (CI logs, pipes) or NO_COLOR is set, so that stdout keeps only the result.
/// </summary>
internal static class ProgressDisplay
{
    public static async Task<T> RunAsync<T>(string title, Func<IProgress<(string Stage, double Fraction)>, Task<T>> work)
    {
        if (!AnsiConsole.Profile.Capabilities.Interactive || !AnsiConsole.Profile.Capabilities.Ansi || Console.IsOutputRedirected)
        {
            return await work(new LineProgress(title));
        }

        T result = default!;
        await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(title, maxValue: 1);
                result = await work(new Progress<(string Stage, double Fraction)>(p =>
                {
                    task.Description = $"{title}: {p.Stage}";
                    task.Value = p.Fraction;
                }));
                task.Value = 1;
            });
        return result;
    }

    private sealed class LineProgress(string title) : IProgress<(string Stage, double Fraction)>
    {
        private readonly Lock _lock = new();
        private string? _stage;
        private int _tenth = -1;

        public void Report((string Stage, double Fraction) value)
        {
            var tenth = (int)(value.Fraction * 10);
            lock (_lock)
            {
                if (value.Stage == _stage && tenth == _tenth)
                {
                    return;
                }

                _stage = value.Stage;
                _tenth = tenth;
            }

            Console.Error.WriteLine($"{title}: {value.Stage} {value.Fraction:P0}");
        }
    }
}
