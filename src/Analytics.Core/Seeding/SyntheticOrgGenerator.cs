using Analytics.Core.Delivery;
using Analytics.Core.Storage;

namespace Analytics.Core.Seeding;

/// <summary>
/// Generates a realistic organisation deterministically from a seed: teams of varied size and DORA tier, their
/// services and engineers (with new hires), deployments, changes with commits, incidents, work items, support
/// requests to the platform team, and quarterly survey waves. Everything is written in one transaction through
/// appenders, so a failed or cancelled run stores nothing. Rows are stamped as written at the time of
/// <see cref="TimeProvider"/> when generating starts; the history itself ends at <see cref="SeedOptions.Until"/>.
/// </summary>
public sealed partial class SyntheticOrgGenerator
{
    private const string Source = "seed";
    private readonly SeedOptions _options;
    private readonly TimeProvider _clock;
    private readonly Random _random;
    private readonly DateOnly _start;
    private readonly Dictionary<string, long> _rows = new(StringComparer.Ordinal);
    private readonly List<TeamPlan> _teams = [];

    /// <summary>Creates a generator for the given options; <paramref name="clock"/> gives the time rows are written.</summary>
    public SyntheticOrgGenerator(SeedOptions options, TimeProvider clock)
    {
        options.Validate();
        _options = options;
        _clock = clock;
        _random = new Random(options.Seed);
        _start = options.Until.AddDays(-options.Days);
    }

    /// <summary>
    /// Generates the organisation into the connection's database in one transaction; with
    /// <paramref name="replaceExisting"/> every data table is emptied first, in the same transaction.
    /// </summary>
    public SeedSummary Generate(PulseConnection connection, bool replaceExisting, IProgress<SeedProgress>? progress, CancellationToken cancellationToken)
    {
        using var transaction = connection.BeginTransaction();
        if (replaceExisting)
        {
            using var clear = new PulseCommand(SqlQueries.Get("storage/clear_all_data"), connection);
            clear.ExecuteNonQuery();
        }

        using (var writers = new Writers(connection, _rows, _clock.GetUtcNow()))
        {
            progress?.Report(new SeedProgress("organisation", 0));
            PlanOrganisation(writers);
            WriteDelivery(writers, progress, cancellationToken);
            progress?.Report(new SeedProgress("work items", 0.85));
            WriteWorkItems(writers, cancellationToken);
            progress?.Report(new SeedProgress("surveys", 0.9));
            WriteSurveys(writers, cancellationToken);
            WriteAiAssistance(writers, cancellationToken);
            progress?.Report(new SeedProgress("saving", 0.97));
        }

        WriteAiChangeSignals(connection);
        progress?.Report(new SeedProgress("linking", 0.98));
        DeliveryLinker.Relink(connection, null);

        transaction.Commit();
        progress?.Report(new SeedProgress("done", 1));
        return new SeedSummary(new Dictionary<string, long>(_rows));
    }

    private static DateTimeOffset At(DateOnly day, double hours) =>
        new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddTicks((long)(hours * TimeSpan.TicksPerHour) / 10 * 10);

    private static bool IsWorkday(DateOnly day) => day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    private string NewSha()
    {
        Span<byte> bytes = stackalloc byte[20];
        _random.NextBytes(bytes);
        return Convert.ToHexStringLower(bytes);
    }

    /// <summary>One appender per table, all on the seeding transaction; rows are stamped as written at <paramref name="writtenAt"/>.</summary>
    private sealed class Writers(PulseConnection connection, Dictionary<string, long> rows, DateTimeOffset writtenAt) : IDisposable
    {
        private readonly Dictionary<string, PulseAppender> _appenders = new(StringComparer.Ordinal);

        public void Write<T>(T row)
            where T : IStoredRow
        {
            if (!_appenders.TryGetValue(T.Table, out var appender))
            {
                appender = connection.CreateAppender(T.Table);
                _appenders.Add(T.Table, appender);
            }

            RowStamp.Apply(row, writtenAt).AppendTo(appender.CreateRow());
            rows[T.Table] = rows.GetValueOrDefault(T.Table) + 1;
        }

        public void Dispose()
        {
            foreach (var appender in _appenders.Values)
            {
                appender.Dispose();
            }
        }
    }
}
