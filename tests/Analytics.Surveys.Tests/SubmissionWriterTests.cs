using Analytics.Core.Surveys;
using Analytics.Surveys.Links;
using Analytics.Surveys.Submissions;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Analytics.Surveys.Tests;

public sealed class SubmissionWriterTests : IAsyncLifetime, IDisposable
{
    private readonly SurveyDatabase _db = new();
    private readonly SubmissionWriter _writer;

    public SubmissionWriterTests()
    {
        _writer = new SubmissionWriter(_db.Database, _db.Clock, Options.Create(new SurveyOptions { MaxBatchSize = 64 }), NullLogger<SubmissionWriter>.Instance);
    }

    public Task InitializeAsync() => _writer.StartAsync(CancellationToken.None);

    public Task DisposeAsync() => _writer.StopAsync(CancellationToken.None);

    public void Dispose()
    {
        _writer.Dispose();
        _db.Dispose();
    }

    [Fact]
    public async Task Anonymous_response_keeps_team_and_the_wave_opening_but_no_person_or_day()
    {
        var outcome = await _writer.SubmitAsync(Submission(SurveyDatabase.OpenWave, team: "payments", engineer: "e1"), CancellationToken.None);

        Assert.Equal(SubmissionOutcome.Stored, outcome);
        Assert.Equal("payments|<null>|2026-11-08 12:00:00+00|2", _db.Scalar<string>(
            "SELECT team_id || '|' || coalesce(engineer_id, '<null>') || '|' || strftime(submitted_at AT TIME ZONE 'UTC', '%Y-%m-%d %H:%M:%S') || '+00|' || (SELECT count(*) FROM survey_answers) FROM survey_responses"));
    }

    [Fact]
    public async Task Named_wave_keeps_the_person_and_time()
    {
        await _writer.SubmitAsync(Submission(SurveyDatabase.NamedWave, team: "payments", engineer: "e1"), CancellationToken.None);
        Assert.Equal("e1|12:00", _db.Scalar<string>("SELECT engineer_id || '|' || strftime(submitted_at AT TIME ZONE 'UTC', '%H:%M') FROM survey_responses"));
    }

    [Fact]
    public async Task Double_submit_stores_once_even_within_one_batch()
    {
        var submission = Submission(SurveyDatabase.OpenWave);
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => _writer.SubmitAsync(submission, CancellationToken.None)));
        var again = await _writer.SubmitAsync(submission, CancellationToken.None);

        Assert.Equal(1, outcomes.Count(o => o == SubmissionOutcome.Stored));
        Assert.Equal(4, outcomes.Count(o => o == SubmissionOutcome.AlreadyStored));
        Assert.Equal(SubmissionOutcome.AlreadyStored, again);
        Assert.Equal(1L, _db.Scalar<long>("SELECT count(*) FROM survey_responses"));
        Assert.Equal(2L, _db.Scalar<long>("SELECT count(*) FROM survey_answers"));
    }

    [Fact]
    public async Task A_link_is_used_once_and_its_use_keeps_only_the_wave_opening_in_anonymous_waves()
    {
        var hash = Invite(SurveyDatabase.OpenWave, "e1");
        var outcomes = await Task.WhenAll(
            _writer.SubmitAsync(Submission(SurveyDatabase.OpenWave, hash, "payments", "e1"), CancellationToken.None),
            _writer.SubmitAsync(Submission(SurveyDatabase.OpenWave, hash, "payments", "e1"), CancellationToken.None));
        var later = await _writer.SubmitAsync(Submission(SurveyDatabase.OpenWave, hash, "payments", "e1"), CancellationToken.None);

        Assert.Equal([SubmissionOutcome.Stored, SubmissionOutcome.LinkNotUsable], outcomes.Order());
        Assert.Equal(SubmissionOutcome.LinkNotUsable, later);
        Assert.Equal(1L, _db.Scalar<long>("SELECT count(*) FROM survey_responses"));
        Assert.Equal("2026-11-08 12:00", _db.Scalar<string>("SELECT strftime(used_at AT TIME ZONE 'UTC', '%Y-%m-%d %H:%M') FROM survey_invitations"));
        Assert.Equal(0L, _db.Scalar<long>("SELECT count(*) FROM survey_responses WHERE engineer_id IS NOT NULL"));
    }

    [Fact]
    public async Task No_time_joins_an_anonymous_response_to_a_used_link_more_finely_than_the_wave()
    {
        var first = Invite(SurveyDatabase.OpenWave, "e1");
        var second = Invite(SurveyDatabase.OpenWave, "e2");
        await _writer.SubmitAsync(Submission(SurveyDatabase.OpenWave, first, "payments", "e1"), CancellationToken.None);
        _db.Clock.Now = _db.Clock.Now.AddDays(1);
        await _writer.SubmitAsync(Submission(SurveyDatabase.OpenWave, second, "payments", "e2"), CancellationToken.None);

        // Each pair of time columns (response, used link) may match all of the team's used links or none: matching
        // some would narrow who gave the answer.
        foreach (var linkTime in new[] { "used_at", "created_at", "expires_at" })
        {
            Assert.Equal(0L, _db.Scalar<long>($"""
                SELECT count(*) FROM survey_responses r
                WHERE (SELECT count(*) FROM survey_invitations i
                       WHERE i.wave_id = r.wave_id AND i.team_id = r.team_id AND i.used_at IS NOT NULL
                         AND CAST(i.{linkTime} AT TIME ZONE 'UTC' AS DATE) = CAST(r.submitted_at AT TIME ZONE 'UTC' AS DATE))
                      NOT IN (0, (SELECT count(*) FROM survey_invitations i WHERE i.wave_id = r.wave_id AND i.team_id = r.team_id AND i.used_at IS NOT NULL))
                """));
        }

        Assert.Equal("1|1", _db.Scalar<string>(
            "SELECT (SELECT count(DISTINCT submitted_at) FROM survey_responses) || '|' || (SELECT count(DISTINCT used_at) FROM survey_invitations)"));
    }

    [Fact]
    public async Task Forged_expired_or_other_wave_links_store_nothing()
    {
        var expired = Invite(SurveyDatabase.OpenWave, "e2", expiresInDays: -1);
        var otherWave = Invite(SurveyDatabase.NamedWave, "e3");

        Assert.Equal(SubmissionOutcome.LinkNotUsable, await _writer.SubmitAsync(Submission(SurveyDatabase.OpenWave, SurveyTokens.Hash(SurveyTokens.Create())), CancellationToken.None));
        Assert.Equal(SubmissionOutcome.LinkNotUsable, await _writer.SubmitAsync(Submission(SurveyDatabase.OpenWave, expired), CancellationToken.None));
        Assert.Equal(SubmissionOutcome.LinkNotUsable, await _writer.SubmitAsync(Submission(SurveyDatabase.OpenWave, otherWave), CancellationToken.None));
        Assert.Equal(0L, _db.Scalar<long>("SELECT count(*) FROM survey_responses"));
        Assert.Equal(0L, _db.Scalar<long>("SELECT count(*) FROM survey_invitations WHERE used_at IS NOT NULL"));
    }

    [Theory]
    [InlineData(SurveyDatabase.ClosedWave)]
    [InlineData("no-such-wave")]
    public async Task Closed_or_unknown_wave_stores_nothing(string wave)
    {
        Assert.Equal(SubmissionOutcome.WaveNotOpen, await _writer.SubmitAsync(Submission(wave), CancellationToken.None));
        Assert.Equal(0L, _db.Scalar<long>("SELECT count(*) FROM survey_responses"));
    }

    [Fact]
    public async Task Wave_past_its_closing_date_stores_nothing_though_still_marked_open()
    {
        _db.Clock.Now = _db.Clock.Now.AddDays(13);
        Assert.Equal(SubmissionOutcome.WaveNotOpen, await _writer.SubmitAsync(Submission(SurveyDatabase.OpenWave), CancellationToken.None));
    }

    [Fact]
    public async Task A_failed_batch_stores_none_of_its_rows_and_reports_the_failure()
    {
        var hash = Invite(SurveyDatabase.OpenWave, "e4");
        // Answers cannot be written, so the batch fails after its responses and link use are already written.
        _db.Execute("ALTER TABLE survey_answers RENAME TO survey_answers_gone");
        await Assert.ThrowsAnyAsync<Exception>(() => _writer.SubmitAsync(Submission(SurveyDatabase.OpenWave, hash), CancellationToken.None));
        _db.Execute("ALTER TABLE survey_answers_gone RENAME TO survey_answers");

        Assert.Equal(0L, _db.Scalar<long>("SELECT count(*) FROM survey_responses"));
        Assert.Equal(0L, _db.Scalar<long>("SELECT count(*) FROM survey_invitations WHERE used_at IS NOT NULL"));
        Assert.Equal(SubmissionOutcome.Stored, await _writer.SubmitAsync(Submission(SurveyDatabase.OpenWave, hash), CancellationToken.None));
    }

    [Fact]
    public async Task Many_concurrent_submissions_are_all_stored()
    {
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 500).Select(_ => Task.Run(() => _writer.SubmitAsync(Submission(SurveyDatabase.OpenWave), CancellationToken.None))));
        Assert.All(outcomes, o => Assert.Equal(SubmissionOutcome.Stored, o));
        Assert.Equal(500L, _db.Scalar<long>("SELECT count(*) FROM survey_responses"));
        Assert.Equal(1000L, _db.Scalar<long>("SELECT count(*) FROM survey_answers"));
    }

    private string Invite(string wave, string engineer, int expiresInDays = 10)
    {
        var hash = SurveyTokens.Hash(SurveyTokens.Create());
        var now = _db.Clock.GetUtcNow();
        _db.Execute("INSERT INTO survey_invitations VALUES ($hash, $wave, $engineer, 'payments', $created, $expires, NULL)",
            new { hash, wave, engineer, created = now.AddDays(-1), expires = now.AddDays(expiresInDays) });
        return hash;
    }

    private static SurveySubmission Submission(string wave, string? tokenHash = null, string? team = "search", string? engineer = null) =>
        new(Guid.NewGuid(), wave, tokenHash, team, engineer, wave != SurveyDatabase.NamedWave,
            [new SurveyAnswer(Guid.Empty, "nps", 8, null, null), new SurveyAnswer(Guid.Empty, "obstacle", null, null, "Slow CI")]);
}
