using Analytics.Core.Metrics.Core4;
using Analytics.Core.Metrics.Core4.Classification;
using Analytics.Core.Metrics.Dora;
using Analytics.Core.Metrics.Sentiment;
using Analytics.Core.Storage;
using Dapper;
using Microsoft.Extensions.Options;

namespace Analytics.Core.Metrics;

/// <summary>DX Core 4: speed, effectiveness, quality and impact.</summary>
public sealed partial class MetricsService
{
    private readonly Core4Options _core4 = new();
    private readonly Lock _modelGate = new();
    private CompiledCategoryRules? _rules;
    private (string Version, Task<WorkItemModelTraining> Training)? _model;

    /// <summary>Creates the service with DX Core 4's options; both option sets are validated here, so a bad setting fails at start.</summary>
    public MetricsService(PulseDatabase database, IOptions<MetricsOptions> options, IOptions<Core4Options> core4)
        : this(database, options)
    {
        _core4 = core4.Value;
        _core4.Validate();
    }

    private CompiledCategoryRules Rules => _rules ??= _core4.Rules.Compile();

    /// <summary>
    /// DX Core 4 of a quarter, with the previous quarter's figures beside it: a panel for the organisation and each
    /// team (only the team's in a team run).
    /// </summary>
    public Task<Core4Metrics> Core4Async(Quarter quarter, string? team, CancellationToken cancellationToken) =>
        Core4Async(quarter, team, quarter.End, cancellationToken);

    /// <summary>
    /// DX Core 4 of a quarter's first days only, up to <paramref name="until"/> (exclusive), for a quarter in progress:
    /// engineers count for the days covered, and the previous quarter is whole.
    /// </summary>
    public async Task<Core4Metrics> Core4Async(Quarter quarter, string? team, DateOnly until, CancellationToken cancellationToken)
    {
        var both = new MetricsQuery(quarter.Previous.Start, until < quarter.End ? until : quarter.End, PeriodGrain.Quarter, team);
        var speed = await QueryAsync<PullRequestRate>("core4_pull_request_rate", both, cancellationToken);
        var tenth = await QueryAsync<TimeToTenthPullRequest>("core4_time_to_tenth_pull_request", both, cancellationToken);
        var failures = await QueryAsync<ChangeFailureRate>("change_failure_rate", both, cancellationToken);
        var devEx = await QueryAsync<DevExScore>("devex_scores", MetricsQuery.ForQuarter(quarter, team), cancellationToken);
        var previousDevEx = await QueryAsync<DevExScore>("devex_scores", MetricsQuery.ForQuarter(quarter.Previous, team), cancellationToken);
        var items = await QueryAsync<Core4WorkItem>("core4_work_items", both, cancellationToken);
        var training = await WorkItemModelAsync(cancellationToken);
        var impact = ImpactCalculator.Shares(items, Rules, training.Model, team is not null);
        var panels = Core4PanelBuilder.Panels(quarter, team is not null, speed, tenth, failures.Where(f => f.Level != "service").ToList(), devEx, previousDevEx, impact,
            training.Status.Reason is { } reason ? $"rules only ({reason})" : null);
        return new Core4Metrics(quarter, team, panels, speed, tenth, impact, training.Status);
    }

    /// <summary>
    /// The work-item text model for the stored work items: trained on the items the rules classify the first time
    /// it is asked for, and reused until the work items change. One training runs at a time and is shared by every
    /// caller; a caller that gives up does not stop it, so the next one finds it done.
    /// </summary>
    public async Task<WorkItemModelTraining> WorkItemModelAsync(CancellationToken cancellationToken)
    {
        string version;
        await using (var connection = await _database.OpenAsync(cancellationToken))
        {
            version = await connection.ExecuteScalarAsync<string>(new CommandDefinition(SqlQueries.Get("metrics/core4_work_items_version"), cancellationToken: cancellationToken)) ?? "";
        }

        Task<WorkItemModelTraining> training;
        lock (_modelGate)
        {
            if (_model is not { } cached || cached.Version != version || cached.Training.IsFaulted)
            {
                _model = (version, Task.Run(() => TrainAsync(CancellationToken.None)));
            }

            training = _model.Value.Training;
        }

        return await training.WaitAsync(cancellationToken);
    }

    private async Task<WorkItemModelTraining> TrainAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        var all = await connection.QueryAsync<Core4WorkItem>(new CommandDefinition(SqlQueries.Get("metrics/core4_training_items"), cancellationToken: cancellationToken));
        var labelled = all
            .Select(item => (item, Category: Rules.CategoryOf(item.Kind, item.LabelList, item.Title)))
            .Where(x => x.Category is not null)
            .Select(x => ImpactCalculator.TextOf(x.item, x.Category!))
            .ToList();
        return WorkItemModelTrainer.Train(labelled, _core4, cancellationToken);
    }
}
