using Cronos;
using Hangfire.Common;

namespace Analytics.Ingestion.Scheduling;

/// <summary>
/// A job that runs on a cron schedule, registered with Hangfire at every start (see <see cref="RecurringJobRegistrar"/>).
/// The cron expression is Hangfire's (Cronos): five fields, <c>minute hour day-of-month month day-of-week</c> with
/// Sunday = 0 (or 7), or six with seconds first; times are UTC. Empty means not scheduled.
/// </summary>
public sealed class RecurringJobDefinition
{
    /// <summary>Checks <paramref name="cron"/> at once, so a bad schedule stops the service at start.</summary>
    /// <param name="id">The recurring job's id, for example <c>sync-github</c>.</param>
    /// <param name="setting">The configuration key the schedule comes from, named in errors.</param>
    /// <param name="cron">The schedule; null or empty for none.</param>
    /// <param name="job">What runs.</param>
    /// <exception cref="JobConfigurationException">The expression is not a cron expression.</exception>
    public RecurringJobDefinition(string id, string setting, string? cron, Job job)
    {
        Id = id;
        Cron = string.IsNullOrWhiteSpace(cron) ? null : cron.Trim();
        Job = job;
        if (Cron is not null)
        {
            Validate(setting, Cron);
        }
    }

    /// <summary>The recurring job's id.</summary>
    public string Id { get; }

    /// <summary>The schedule, or null when not scheduled.</summary>
    public string? Cron { get; }

    /// <summary>What runs.</summary>
    public Job Job { get; }

    private static void Validate(string setting, string cron)
    {
        var fields = cron.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        try
        {
            _ = fields switch
            {
                5 => CronExpression.Parse(cron, CronFormat.Standard),
                6 => CronExpression.Parse(cron, CronFormat.IncludeSeconds),
                _ => throw new CronFormatException($"it has {fields} fields"),
            };
        }
        catch (CronFormatException error)
        {
            throw new JobConfigurationException($"{setting} '{cron}' is not a cron expression ({error.Message.TrimEnd('.')}): use 5 fields, minute hour day-of-month month day-of-week (Sunday = 0), or 6 with seconds first, for example '0 2 * * *' for 02:00 UTC daily.");
        }
    }
}
