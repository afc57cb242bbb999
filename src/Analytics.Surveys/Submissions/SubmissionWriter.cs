using System.Threading.Channels;
using Analytics.Core.Metrics;
using Analytics.Core.Storage;
using Analytics.Core.Surveys;
using Dapper;
using DuckDB.NET.Data;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Analytics.Surveys.Submissions;

/// <summary>
/// The one writer of survey responses. Requests queue their validated response and wait; the writer takes what
/// has queued (up to <see cref="SurveyOptions.MaxBatchSize"/>), checks links, waves and double submits inside one
/// transaction, appends the rows and commits, and only then answers each request. DuckDB makes a commit durable
/// in its write-ahead log, so an acknowledged response survives a crash; batching turns many small commits into
/// one, which is what lets a 2-core machine take thousands of submissions a second.
/// </summary>
public sealed partial class SubmissionWriter : BackgroundService
{
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly PulseDatabase _database;
    private readonly TimeProvider _clock;
    private readonly ILogger<SubmissionWriter> _logger;
    private readonly int _maxBatchSize;
    private readonly int _minimumGroupSize;

    /// <summary>Creates the writer; it starts with the host.</summary>
    /// <param name="database">Where responses are stored.</param>
    /// <param name="clock">The time of submissions.</param>
    /// <param name="options">Batch size.</param>
    /// <param name="logger">Batch outcomes.</param>
    /// <param name="metricsOptions">The organisation's k, below which held responses are not released; default 5.</param>
    public SubmissionWriter(PulseDatabase database, TimeProvider clock, IOptions<SurveyOptions> options, ILogger<SubmissionWriter> logger,
        IOptions<MetricsOptions>? metricsOptions = null)
    {
        _database = database;
        _clock = clock;
        _logger = logger;
        _maxBatchSize = options.Value.MaxBatchSize;
        _minimumGroupSize = (metricsOptions?.Value ?? new MetricsOptions()).MinimumGroupSize;
    }

    /// <summary>Queues a response and completes once it is committed (or refused, with the reason).</summary>
    public Task<SubmissionOutcome> SubmitAsync(SurveySubmission submission, CancellationToken cancellationToken)
    {
        var pending = new Pending(submission, new TaskCompletionSource<SubmissionOutcome>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new InvalidOperationException("The service is shutting down and takes no more responses.");
        }

        return pending.Completion.Task.WaitAsync(cancellationToken);
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Opened at the first response, not at start: the service opens (and migrates) the file first.
        PulseConnection? connection = null;
        var batch = new List<Pending>(_maxBatchSize);
        // Stopping completes the queue instead of abandoning the wait: new responses are refused (the request is
        // answered "not saved"), and the loop ends only once every response queued before is committed and answered.
        using var stopping = stoppingToken.Register(() => _queue.Writer.TryComplete());
        try
        {
            while (await _queue.Reader.WaitToReadAsync(CancellationToken.None))
            {
                connection ??= _database.Open();
                Drain(connection, batch);
            }
        }
        finally
        {
            connection?.Dispose();
        }
    }

    private void Drain(PulseConnection connection, List<Pending> batch)
    {
        while (true)
        {
            batch.Clear();
            while (batch.Count < _maxBatchSize && _queue.Reader.TryRead(out var next))
            {
                batch.Add(next);
            }

            if (batch.Count == 0)
            {
                return;
            }

            WriteBatch(connection, batch);
        }
    }

    private void WriteBatch(PulseConnection connection, List<Pending> batch)
    {
        var outcomes = new SubmissionOutcome[batch.Count];
        try
        {
            using (var transaction = connection.BeginTransaction())
            {
                var recordedAt = new DateTimeOffset[batch.Count];
                Decide(connection, transaction, batch, outcomes, recordedAt);
                Append(connection, batch, outcomes, recordedAt);
                Hold(connection, transaction, batch, outcomes);
                transaction.Commit();
            }

            var stored = 0;
            for (var i = 0; i < batch.Count; i++)
            {
                stored += outcomes[i] == SubmissionOutcome.Stored ? 1 : 0;
                batch[i].Completion.TrySetResult(outcomes[i]);
            }

            LogBatch(batch.Count, stored);
        }
        catch (Exception error) when (error is DuckDBException or InvalidOperationException)
        {
            LogBatchFailed(error, batch.Count);
            foreach (var pending in batch)
            {
                pending.Completion.TrySetException(error);
            }
        }
    }

    /// <summary>
    /// Decides each submission's outcome, marks the links used, and sets when each stored one is recorded as
    /// given: now in a named wave, but the wave's opening in an anonymous one, so that no time of a response or of
    /// a link's use is finer than the wave and none can join an answer to the engineer whose link was used.
    /// </summary>
    private void Decide(PulseConnection connection, System.Data.IDbTransaction transaction, List<Pending> batch, SubmissionOutcome[] outcomes, DateTimeOffset[] recordedAt)
    {
        var now = _clock.GetUtcNow();
        var ids = batch.Select(p => p.Submission.ResponseId.ToString()).ToArray();
        var stored = connection.Query<string>(SqlQueries.Get("surveys/existing_responses"), new { response_ids = new ListParameter(ids) }, transaction)
            .Select(Guid.Parse).ToHashSet();
        var waves = connection.Query<AcceptingWave>(SqlQueries.Get("surveys/accepting_waves"),
            new { wave_ids = new ListParameter(batch.Select(p => p.Submission.WaveId).Distinct()), now }, transaction)
            .ToDictionary(w => w.WaveId, w => w.OpensAt, StringComparer.Ordinal);
        var hashes = batch.Select(p => p.Submission.TokenHash).OfType<string>().Distinct().ToArray();
        var invitations = hashes.Length == 0
            ? []
            : connection.Query<PendingInvitation>(SqlQueries.Get("surveys/invitations_by_hash"), new { token_hashes = new ListParameter(hashes) }, transaction)
                .ToDictionary(i => i.TokenHash, StringComparer.Ordinal);
        var usedNow = new HashSet<string>(StringComparer.Ordinal);

        for (var i = 0; i < batch.Count; i++)
        {
            var submission = batch[i].Submission;
            if (!stored.Add(submission.ResponseId))
            {
                outcomes[i] = SubmissionOutcome.AlreadyStored;
            }
            else if (!waves.TryGetValue(submission.WaveId, out var opensAt))
            {
                outcomes[i] = SubmissionOutcome.WaveNotOpen;
                stored.Remove(submission.ResponseId);
            }
            else if (submission.TokenHash is { } hash
                && (!invitations.TryGetValue(hash, out var invitation) || invitation.WaveId != submission.WaveId || !invitation.IsUsableAt(now) || !usedNow.Add(hash)))
            {
                outcomes[i] = SubmissionOutcome.LinkNotUsable;
                stored.Remove(submission.ResponseId);
            }
            else
            {
                outcomes[i] = SubmissionOutcome.Stored;
                recordedAt[i] = submission.Anonymous ? opensAt : now;
                if (submission.TokenHash is { } used)
                {
                    connection.Execute(SqlQueries.Get("surveys/mark_invitation_used"), new { token_hash = used, used_at = recordedAt[i] }, transaction);
                }
            }
        }
    }

    /// <summary>
    /// Holds the stored responses back from results, then releases every wave's team that now holds k of them, so
    /// that results of an open wave move only by k answers of one team at a time (docs/surveys.md).
    /// </summary>
    private void Hold(PulseConnection connection, System.Data.IDbTransaction transaction, List<Pending> batch, SubmissionOutcome[] outcomes)
    {
        var stored = batch.Where((_, i) => outcomes[i] == SubmissionOutcome.Stored).Select(p => p.Submission.ResponseId.ToString()).ToArray();
        if (stored.Length == 0)
        {
            return;
        }

        connection.Execute(SqlQueries.Get("surveys/hold_responses"), new { response_ids = new ListParameter(stored) }, transaction);
        connection.Execute(SqlQueries.Get("surveys/release_held_responses"), new { k = _minimumGroupSize }, transaction);
    }

    private static void Append(PulseConnection connection, List<Pending> batch, SubmissionOutcome[] outcomes, DateTimeOffset[] recordedAt)
    {
        using (var responses = connection.CreateAppender(SurveyResponse.Table))
        {
            for (var i = 0; i < batch.Count; i++)
            {
                if (outcomes[i] == SubmissionOutcome.Stored)
                {
                    var s = batch[i].Submission;
                    new SurveyResponse(s.ResponseId, s.WaveId, s.TeamId, s.Anonymous ? null : s.EngineerId, recordedAt[i],
                        s.TokenHash is null ? "open" : "link", "web").AppendTo(responses.CreateRow());
                }
            }
        }

        using var answers = connection.CreateAppender(SurveyAnswer.Table);
        for (var i = 0; i < batch.Count; i++)
        {
            if (outcomes[i] == SubmissionOutcome.Stored)
            {
                var s = batch[i].Submission;
                foreach (var answer in s.Answers)
                {
                    (answer with { ResponseId = s.ResponseId }).AppendTo(answers.CreateRow());
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Committed a batch of {Count} survey submissions ({Stored} stored)")]
    private partial void LogBatch(int count, int stored);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not commit a batch of {Count} survey submissions; none was stored")]
    private partial void LogBatchFailed(Exception error, int count);

    private sealed record AcceptingWave(string WaveId, DateTimeOffset OpensAt);

    private sealed record Pending(SurveySubmission Submission, TaskCompletionSource<SubmissionOutcome> Completion);
}
