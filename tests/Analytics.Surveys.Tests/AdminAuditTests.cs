using Analytics.Surveys.Administration;
using Analytics.Core.Surveys;
using Analytics.Surveys.Audit;
using Analytics.Surveys.Submissions;
using Microsoft.Extensions.Logging.Abstractions;

namespace Analytics.Surveys.Tests;

/// <summary>Every survey administration action is recorded with who did it, what, on which object and when.</summary>
public sealed class AdminAuditTests : IDisposable
{
    private readonly SurveyDatabase _db = new();
    private readonly AdminAuditLog _audit;
    private readonly SurveyAdministration _admin;

    public AdminAuditTests()
    {
        _audit = new AdminAuditLog(_db.Database, _db.Clock);
        _admin = new SurveyAdministration(_db.Database, _db.Store, _db.Metrics, _db.Clock, _db.Options, _audit);
    }

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task Each_survey_action_is_recorded_with_its_actor_object_and_time()
    {
        var id = await _admin.CreateFromTemplateAsync("anna", "onboarding", CancellationToken.None);
        Tick();
        var blank = await _admin.CreateBlankAsync("ben", "Docs check", null, CancellationToken.None);
        Tick();
        await _admin.AddQuestionAsync("ben", blank, new QuestionDraft("nps", "Would you recommend the docs?", null, true, [], null, null), CancellationToken.None);
        Tick();
        await _admin.UpdateQuestionAsync("ben", blank, "q1", new QuestionDraft("nps", "Would you recommend our docs?", null, true, [], null, null), CancellationToken.None);
        Tick();
        await _admin.DeleteQuestionAsync("ben", id, "onb_team", CancellationToken.None);
        Tick();
        var wave = await _admin.CreateWaveAsync("anna", id, new WaveDraft("November", _db.Clock.Now.AddHours(-1), _db.Clock.Now.AddDays(14), true, 5, []), CancellationToken.None);
        Tick();
        await _admin.OpenWaveAsync("anna", wave, CancellationToken.None);
        Tick();
        await _admin.CreateLinksAsync("anna", wave, "http://x", CancellationToken.None);
        Tick();
        await _admin.CreateLinksAsync("anna", wave, "http://x", CancellationToken.None);
        Tick();
        await _admin.CloseWaveAsync("carla", wave, CancellationToken.None);
        Tick();
        await _admin.ReopenWaveAsync("carla", wave, CancellationToken.None);

        var entries = (await _audit.EntriesAsync(50, 0, CancellationToken.None)).Reverse().ToList();
        var start = new DateTimeOffset(2026, 11, 10, 12, 0, 0, TimeSpan.Zero);
        Assert.Equal(
        [
            ("anna", AuditActions.SurveyCreated, "survey", id, "from template onboarding"),
            ("ben", AuditActions.SurveyCreated, "survey", blank, "empty"),
            ("ben", AuditActions.QuestionAdded, "question", $"{blank}/q1", "nps"),
            ("ben", AuditActions.QuestionChanged, "question", $"{blank}/q1", null),
            ("ben", AuditActions.QuestionDeleted, "question", $"{id}/onb_team", null),
            ("anna", AuditActions.WaveCreated, "wave", wave, $"of survey {id}"),
            ("anna", AuditActions.WaveOpened, "wave", wave, null),
            ("anna", AuditActions.LinksGenerated, "wave", wave, "12 new links, 0 unused links replaced"),
            ("anna", AuditActions.LinksGenerated, "wave", wave, "12 new links, 12 unused links replaced"),
            ("carla", AuditActions.WaveClosed, "wave", wave, null),
            ("carla", AuditActions.WaveReopened, "wave", wave, null),
        ], entries.Select(e => (e.Actor, e.Action, e.ObjectKind, e.ObjectId, e.Detail)));
        Assert.Equal(Enumerable.Range(0, 11).Select(i => start.AddMinutes(i)), entries.Select(e => e.OccurredAt));
        Assert.Equal(Enumerable.Range(1, 11).Select(i => (long)i), entries.Select(e => e.EntryId));
    }

    [Fact]
    public async Task Response_export_is_recorded_with_the_number_of_responses()
    {
        using (var writer = new SubmissionWriter(_db.Database, _db.Clock, _db.Options, NullLogger<SubmissionWriter>.Instance))
        {
            await writer.StartAsync(CancellationToken.None);
            for (var i = 1; i <= 12; i++)
            {
                await writer.SubmitAsync(new SurveySubmission(Guid.NewGuid(), SurveyDatabase.OpenWave, null, i <= 6 ? "payments" : "search", null, true,
                    [new SurveyAnswer(Guid.Empty, "nps", 8, null, null)]), CancellationToken.None);
            }

            await writer.StopAsync(CancellationToken.None);
        }

        await _admin.ResponsesCsvAsync("anna", SurveyDatabase.OpenWave, CancellationToken.None);

        // The open wave still holds back one answer per team (results move in steps of k = 5): 10 are exported.
        var entry = Assert.Single(await _audit.EntriesAsync(10, 0, CancellationToken.None));
        Assert.Equal(("anna", AuditActions.ResponsesExported, "wave", SurveyDatabase.OpenWave, "10 responses"), (entry.Actor, entry.Action, entry.ObjectKind, entry.ObjectId, entry.Detail));
    }

    [Fact]
    public async Task Refused_action_records_nothing_and_changes_nothing()
    {
        await Assert.ThrowsAsync<SurveyAdminException>(() => _admin.CloseWaveAsync("anna", SurveyDatabase.ClosedWave, CancellationToken.None));
        await Assert.ThrowsAsync<SurveyAdminException>(() => _admin.DeleteQuestionAsync("anna", SurveyDatabase.SurveyId, "nps", CancellationToken.None));
        await Assert.ThrowsAsync<SurveyAdminException>(() => _admin.CreateLinksAsync("anna", SurveyDatabase.ClosedWave, "http://x", CancellationToken.None));

        Assert.Equal(0L, await _audit.CountAsync(CancellationToken.None));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public async Task Action_without_an_actor_is_refused_and_not_done(string actor)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => _admin.CloseWaveAsync(actor, SurveyDatabase.OpenWave, CancellationToken.None));

        Assert.Equal("open", _db.Scalar<string>("SELECT status FROM survey_waves WHERE wave_id = $id", new { id = SurveyDatabase.OpenWave }));
        Assert.Equal(0L, await _audit.CountAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Entries_come_newest_first_a_page_at_a_time()
    {
        for (var i = 1; i <= 5; i++)
        {
            await _audit.RecordAsync("anna", AuditActions.SourceRunStarted, AuditTarget.Source($"s{i}"), null, CancellationToken.None);
        }

        Assert.Equal(["s5", "s4"], (await _audit.EntriesAsync(2, 0, CancellationToken.None)).Select(e => e.ObjectId));
        Assert.Equal(["s3", "s2"], (await _audit.EntriesAsync(2, 2, CancellationToken.None)).Select(e => e.ObjectId));
        Assert.Equal(["s1"], (await _audit.EntriesAsync(2, 4, CancellationToken.None)).Select(e => e.ObjectId));
        Assert.Equal(5L, await _audit.CountAsync(CancellationToken.None));
    }

    private void Tick() => _db.Clock.Now = _db.Clock.Now.AddMinutes(1);
}
