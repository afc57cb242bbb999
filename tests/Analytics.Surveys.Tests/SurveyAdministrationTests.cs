using Analytics.Core.Metrics;
using Analytics.Core.Metrics.Sentiment;
using Analytics.Core.Surveys;
using Analytics.Surveys.Administration;
using Analytics.Surveys.Audit;
using Analytics.Surveys.Links;
using Analytics.Surveys.Submissions;
using Microsoft.Extensions.Logging.Abstractions;

namespace Analytics.Surveys.Tests;

public sealed class SurveyAdministrationTests : IDisposable
{
    private const string Actor = "pm.anna";
    private readonly SurveyDatabase _db = new();
    private readonly SurveyAdministration _admin;

    public SurveyAdministrationTests()
    {
        _admin = new SurveyAdministration(_db.Database, _db.Store, _db.Metrics, _db.Clock, _db.Options, new AdminAuditLog(_db.Database, _db.Clock));
    }

    public void Dispose() => _db.Dispose();

    [Theory]
    // The pulse's 20 questions with its capability and improvement blocks, and the 12 DORA profile items (an optional block too).
    [InlineData("devex-pulse", "developer-experience-pulse-2026-11-10", 32)]
    [InlineData("onboarding", "your-first-90-days-2026-11-10", 8)]
    [InlineData("path-to-production", "path-to-production-2026-11-10", 13)]
    public async Task Survey_from_a_template_gets_its_questions(string template, string expectedId, int questions)
    {
        var id = await _admin.CreateFromTemplateAsync(Actor, template, CancellationToken.None);
        var again = await _admin.CreateFromTemplateAsync(Actor, template, CancellationToken.None);

        Assert.Equal(expectedId, id);
        Assert.Equal($"{expectedId}-2", again);
        Assert.Equal(questions, (await _db.Store.QuestionsAsync(id, CancellationToken.None)).Count);
        Assert.Equal(template, (await _db.Store.SurveyAsync(id, CancellationToken.None))!.Template);
    }

    [Fact]
    public async Task Unknown_template_is_refused_with_the_choices()
    {
        var error = await Assert.ThrowsAsync<SurveyAdminException>(() => _admin.CreateFromTemplateAsync(Actor, "nps-only", CancellationToken.None));
        Assert.Equal("There is no template named 'nps-only'. Choose one of: devex-pulse, onboarding, path-to-production, ai-capabilities, dora-profile, ai-assistants.", error.Message);
    }

    [Fact]
    public async Task Questions_of_a_blank_survey_are_added_edited_and_deleted()
    {
        var id = await _admin.CreateBlankAsync(Actor, "  Tooling check  ", null, CancellationToken.None);
        await _admin.AddQuestionAsync(Actor, id, new QuestionDraft("nps", "Would you recommend CI?", null, true, [], "No", "Yes"), CancellationToken.None);
        await _admin.AddQuestionAsync(Actor, id, new QuestionDraft("multiple_choice", "Which tools?", "All that apply", false, ["Builds", " Tests ", ""], null, null), CancellationToken.None);
        await _admin.UpdateQuestionAsync(Actor, id, "q1", new QuestionDraft("nps", "Would you recommend our CI?", "Be honest", true, [], "Never", "Always"), CancellationToken.None);
        await _admin.AddQuestionAsync(Actor, id, new QuestionDraft("short_text", "Anything else?", null, false, [], null, null), CancellationToken.None);
        await _admin.DeleteQuestionAsync(Actor, id, "q3", CancellationToken.None);

        var questions = await _db.Store.QuestionsAsync(id, CancellationToken.None);
        Assert.Equal("tooling-check-2026-11-10", id);
        Assert.Equal(["q1", "q2"], questions.Select(q => q.QuestionId));
        Assert.Equal(("Would you recommend our CI?", "Be honest", "Never", "Always"), (questions[0].Text, questions[0].HelpText, questions[0].LowLabel, questions[0].HighLabel));
        Assert.Equal(["Builds", "Tests"], questions[1].Options!);
        Assert.Null(questions[1].LowLabel);
    }

    [Theory]
    [InlineData("rating", "How?", "'rating' is not a question kind. Choose one of: nps, likert, single_choice, multiple_choice, short_text, long_text.")]
    [InlineData("single_choice", "Pick", "A choice question needs between 2 and 20 options, one per line.")]
    [InlineData("likert", "  ", "Enter a question.")]
    public async Task Bad_questions_are_refused(string kind, string text, string message)
    {
        var id = await _admin.CreateBlankAsync(Actor, "Check", null, CancellationToken.None);
        var error = await Assert.ThrowsAsync<SurveyAdminException>(() => _admin.AddQuestionAsync(Actor, id, new QuestionDraft(kind, text, null, false, ["Only one"], null, null), CancellationToken.None));
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public async Task Questions_are_fixed_once_a_wave_has_opened()
    {
        var id = await _admin.CreateFromTemplateAsync(Actor, "onboarding", CancellationToken.None);
        var wave = await _admin.CreateWaveAsync(Actor, id, Wave("November"), CancellationToken.None);
        await _admin.UpdateQuestionAsync(Actor, id, "onb_setup", new QuestionDraft("likert", "Setup was easy.", null, true, [], "No", "Yes"), CancellationToken.None);
        await _admin.OpenWaveAsync(Actor, wave, CancellationToken.None);

        var error = await Assert.ThrowsAsync<SurveyAdminException>(() => _admin.DeleteQuestionAsync(Actor, id, "onb_setup", CancellationToken.None));
        Assert.StartsWith("A wave of this survey has opened, so its questions are fixed", error.Message, StringComparison.Ordinal);
        Assert.Equal(8, (await _db.Store.QuestionsAsync(id, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task Waves_move_from_draft_to_open_to_closed_only()
    {
        var id = await _admin.CreateFromTemplateAsync(Actor, "onboarding", CancellationToken.None);
        var wave = await _admin.CreateWaveAsync(Actor, id, Wave("2026 Q4", "search"), CancellationToken.None);
        Assert.Equal("draft", (await _db.Store.WaveAsync(wave, CancellationToken.None))!.Status);
        Assert.Equal(["search"], (await _db.Store.WaveAsync(wave, CancellationToken.None))!.AudienceTeamIds!);

        var early = await Assert.ThrowsAsync<SurveyAdminException>(() => _admin.CloseWaveAsync(Actor, wave, CancellationToken.None));
        await _admin.OpenWaveAsync(Actor, wave, CancellationToken.None);
        await _admin.CloseWaveAsync(Actor, wave, CancellationToken.None);
        var reopen = await Assert.ThrowsAsync<SurveyAdminException>(() => _admin.OpenWaveAsync(Actor, wave, CancellationToken.None));

        Assert.Equal("The wave is draft; only a open wave can be made closed.", early.Message);
        Assert.Equal("The wave is closed; only a draft wave can be made open.", reopen.Message);
        Assert.Equal("closed", (await _db.Store.WaveAsync(wave, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task Bad_waves_are_refused()
    {
        var id = await _admin.CreateFromTemplateAsync(Actor, "onboarding", CancellationToken.None);
        var blank = await _admin.CreateBlankAsync(Actor, "Empty", null, CancellationToken.None);
        var now = _db.Clock.GetUtcNow();

        async Task<string> Refusal(string survey, WaveDraft draft) => (await Assert.ThrowsAsync<SurveyAdminException>(() => _admin.CreateWaveAsync(Actor, survey, draft, CancellationToken.None))).Message;
        Assert.Equal("The wave must close after it opens.", await Refusal(id, Wave("A") with { ClosesAt = now.AddDays(-2) }));
        Assert.Equal("The smallest reported group (k) must be at least 3, or answers could be traced to people.", await Refusal(id, Wave("A") with { MinGroupSize = 2 }));
        Assert.Equal("There is no team 'platform'.", await Refusal(id, Wave("A", "platform")));
        Assert.Equal("Add at least one question before creating a wave.", await Refusal(blank, Wave("A")));
        await _admin.CreateWaveAsync(Actor, id, Wave("A"), CancellationToken.None);
        Assert.Equal($"Survey '{id}' already has a wave named 'A'.", await Refusal(id, Wave("A")));
    }

    [Fact]
    public async Task A_wave_asks_the_optional_blocks_it_names_and_refuses_one_the_survey_lacks()
    {
        var id = await _admin.CreateFromTemplateAsync(Actor, "devex-pulse", CancellationToken.None);
        var wave = await _admin.CreateWaveAsync(Actor, id, Wave("Deep dive") with { OptionalBlocks = ["capabilities"] }, CancellationToken.None);
        var plain = await _admin.CreateWaveAsync(Actor, id, Wave("Plain"), CancellationToken.None);
        var questions = await _db.Store.QuestionsAsync(id, CancellationToken.None);
        var stored = (await _db.Store.WaveAsync(wave, CancellationToken.None))!;

        Assert.Equal(["capabilities"], stored.OptionalBlocks!);
        Assert.Equal(19, questions.Count(stored.Asks));
        Assert.Equal(15, questions.Count((await _db.Store.WaveAsync(plain, CancellationToken.None))!.Asks));
        var error = await Assert.ThrowsAsync<SurveyAdminException>(() => _admin.CreateWaveAsync(Actor, id, Wave("Other") with { OptionalBlocks = ["security"] }, CancellationToken.None));
        Assert.Equal($"Survey '{id}' has no optional block 'security'.", error.Message);
    }

    [Fact]
    public async Task Links_are_returned_once_and_only_their_hashes_are_stored()
    {
        var links = await _admin.CreateLinksAsync(Actor, SurveyDatabase.NamedWave, "https://pulse.example/", CancellationToken.None);

        Assert.Equal(12, links.Count);
        var token = links[0].Link["https://pulse.example/s/".Length..];
        Assert.True(SurveyTokens.LooksValid(token));
        Assert.Equal(12L, _db.Scalar<long>("SELECT count(*) FROM survey_invitations WHERE wave_id = 'pulse-named'"));
        Assert.Equal(1L, _db.Scalar<long>("SELECT count(*) FROM survey_invitations WHERE token_hash = $hash", new { hash = SurveyTokens.Hash(token) }));
        Assert.Equal(0L, _db.Scalar<long>("SELECT count(*) FROM survey_invitations WHERE token_hash = $token", new { token }));
        Assert.Equal(_db.Clock.GetUtcNow().AddDays(12), links[0].ExpiresAt);

        var csv = SurveyAdministration.LinksCsv(links).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("engineer_id,name,email,team,link,expires_at", csv[0].TrimEnd('\r'));
        Assert.Equal(13, csv.Length);
    }

    [Fact]
    public void Links_csv_defuses_names_emails_and_teams_that_start_a_formula()
    {
        var expires = new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);
        var csv = SurveyAdministration.LinksCsv([new InvitationLink("e1", "=HYPERLINK(\"http://evil\")", "+1+1@example.com", "@SUM(A1)", "https://pulse.example/s/abc", expires),
            new InvitationLink("e2", "-2+3", null, "Payments", "https://pulse.example/s/def", expires)]);

        var lines = csv.TrimEnd().Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.Equal("e1,\"'=HYPERLINK(\"\"http://evil\"\")\",'+1+1@example.com,'@SUM(A1),https://pulse.example/s/abc,2026-11-22T12:00:00Z", lines[1]);
        Assert.Equal("e2,'-2+3,,Payments,https://pulse.example/s/def,2026-11-22T12:00:00Z", lines[2]);
    }

    [Fact]
    public async Task New_links_replace_unused_ones_and_skip_people_who_answered()
    {
        var first = await _admin.CreateLinksAsync(Actor, SurveyDatabase.NamedWave, "http://x", CancellationToken.None);
        var used = first.Single(l => l.EngineerId == "e1");
        _db.Execute("UPDATE survey_invitations SET used_at = now() WHERE engineer_id = 'e1'");
        var second = await _admin.CreateLinksAsync(Actor, SurveyDatabase.NamedWave, "http://x", CancellationToken.None);

        Assert.Equal(11, second.Count);
        Assert.DoesNotContain(second, l => l.EngineerId == "e1");
        Assert.Equal(12L, _db.Scalar<long>("SELECT count(*) FROM survey_invitations"));
        Assert.Equal(0L, _db.Scalar<long>("SELECT count(*) FROM survey_invitations WHERE token_hash = $hash", new { hash = SurveyTokens.Hash(first.Single(l => l.EngineerId == "e2").Link[^43..]) }));
        Assert.Equal(1L, _db.Scalar<long>("SELECT count(*) FROM survey_invitations WHERE token_hash = $hash", new { hash = SurveyTokens.Hash(used.Link[^43..]) }));
    }

    [Fact]
    public async Task Links_for_a_closed_wave_are_refused()
    {
        var error = await Assert.ThrowsAsync<SurveyAdminException>(() => _admin.CreateLinksAsync(Actor, SurveyDatabase.ClosedWave, "http://x", CancellationToken.None));
        Assert.Equal("The wave is closed; links to it would not work.", error.Message);
    }

    [Fact]
    public async Task Response_export_has_no_identities_and_names_teams_of_k_or_more()
    {
        await SubmitAsync(SurveyDatabase.NamedWave, ("payments", 6), ("search", 5), i => i == 1 ? "=HYPERLINK(\"x\")" : "Slow, flaky CI");
        await _admin.CloseWaveAsync(Actor, SurveyDatabase.NamedWave, CancellationToken.None);

        var lines = await ExportAsync(SurveyDatabase.NamedWave);
        Assert.StartsWith("submitted_on,team,nps,csat_ci,", lines[0], StringComparison.Ordinal);
        Assert.Equal(12, lines.Count);
        Assert.Equal(6, lines.Count(l => l.StartsWith("2026-11-10,Payments,", StringComparison.Ordinal)));
        Assert.Equal(5, lines.Count(l => l.StartsWith("2026-11-10,Search,", StringComparison.Ordinal)));
        Assert.Contains(lines, l => l.Contains("\"'=HYPERLINK(\"\"x\"\")\"", StringComparison.Ordinal));
        var csv = string.Join('\n', lines);
        Assert.DoesNotContain("e1", csv, StringComparison.Ordinal);
        Assert.DoesNotContain(_db.Scalar<string>("SELECT CAST(min(response_id) AS VARCHAR) FROM survey_responses"), csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Response_export_defuses_team_names_and_choice_options_and_keeps_numbers()
    {
        _db.Execute("UPDATE teams SET name = '=HYPERLINK(\"http://evil\")' WHERE team_id = 'payments'");
        using var writer = new SubmissionWriter(_db.Database, _db.Clock, _db.Options, NullLogger<SubmissionWriter>.Instance);
        await writer.StartAsync(CancellationToken.None);
        // Two teams of six, so that neither is hidden and the team names reach the export.
        for (var i = 1; i <= 12; i++)
        {
            await writer.SubmitAsync(new SurveySubmission(Guid.NewGuid(), SurveyDatabase.NamedWave, null, i <= 6 ? "payments" : "search", $"e{i}", false,
                [new SurveyAnswer(Guid.Empty, "nps", 3, null, null), new SurveyAnswer(Guid.Empty, "hours_lost", null, ["@SUM(A1)"], null), new SurveyAnswer(Guid.Empty, "obstacle", null, null, "+1+1")]),
                CancellationToken.None);
        }

        await writer.StopAsync(CancellationToken.None);

        // Closing releases answers an open wave still holds back (results move in steps of k).
        await _admin.CloseWaveAsync(Actor, SurveyDatabase.NamedWave, CancellationToken.None);
        var lines = (await _admin.ResponsesCsvAsync(Actor, SurveyDatabase.NamedWave, CancellationToken.None)).TrimEnd().Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.Equal(13, lines.Count);
        Assert.Equal(6, lines.Count(l => l.StartsWith("2026-11-10,\"'=HYPERLINK(\"\"http://evil\"\")\",3,", StringComparison.Ordinal)));
        Assert.All(lines.Skip(1), l => Assert.Contains(",'@SUM(A1),", l, StringComparison.Ordinal));
        Assert.All(lines.Skip(1), l => Assert.Contains(",'+1+1", l, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Response_export_hides_the_sibling_that_the_wave_page_hides_with_a_small_team()
    {
        await SubmitAsync(SurveyDatabase.NamedWave, ("payments", 6), ("search", 1));
        await _admin.CloseWaveAsync(Actor, SurveyDatabase.NamedWave, CancellationToken.None);
        var wave = (await _db.Store.WaveAsync(SurveyDatabase.NamedWave, CancellationToken.None))!;
        var shownOnPage = (await _admin.ResponseRatesAsync(wave, CancellationToken.None)).Where(r => r.Level == "team" && !r.Suppressed).Select(r => r.TeamId);

        var lines = await ExportAsync(SurveyDatabase.NamedWave);

        Assert.Empty(shownOnPage);
        Assert.Equal(7, lines.Count(l => l.StartsWith("2026-11-10,,", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Response_export_uses_the_organisation_minimum_when_the_wave_k_is_lower()
    {
        _db.Execute("UPDATE survey_waves SET min_group_size = 3 WHERE wave_id = $id", new { id = SurveyDatabase.NamedWave });
        await SubmitAsync(SurveyDatabase.NamedWave, ("payments", 6), ("search", 3));
        await _admin.CloseWaveAsync(Actor, SurveyDatabase.NamedWave, CancellationToken.None);

        var lines = await ExportAsync(SurveyDatabase.NamedWave);

        // k is max(3, organisation's 5): Search's 3 are hidden, and Payments with it.
        Assert.DoesNotContain(lines, l => l.Contains(",Search,", StringComparison.Ordinal) || l.Contains(",Payments,", StringComparison.Ordinal));
        Assert.Equal(9, lines.Count(l => l.StartsWith("2026-11-10,,", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Response_export_of_a_wave_with_fewer_than_k_answers_is_refused_with_the_reason()
    {
        await SubmitAsync(SurveyDatabase.NamedWave, ("payments", 3), ("search", 1));
        await _admin.CloseWaveAsync(Actor, SurveyDatabase.NamedWave, CancellationToken.None);

        var refused = await Assert.ThrowsAsync<SurveyAdminException>(() => ExportAsync(SurveyDatabase.NamedWave));

        Assert.Equal("The answers can be downloaded once the wave has 5 responses: fewer could identify the people who answered.", refused.Message);
    }

    [Fact]
    public async Task Open_wave_results_change_only_once_a_team_has_k_more_answers()
    {
        // Payments answers 5 times (a first step of k = 5); then one more answer of Search must not move the NPS.
        await SubmitAsync(SurveyDatabase.OpenWave, ("payments", 5), ("search", 0));
        var before = await OrganisationNpsAsync();
        await SubmitAsync(SurveyDatabase.OpenWave, ("search", 1), ("search", 0));
        var afterOne = await OrganisationNpsAsync();
        await SubmitAsync(SurveyDatabase.OpenWave, ("search", 4), ("search", 0));
        var afterStep = await OrganisationNpsAsync();

        Assert.Equal((5L, -100.0), (before.Respondents, before.Nps));
        Assert.Equal((before.Respondents, before.Nps), (afterOne.Respondents, afterOne.Nps));
        Assert.Equal(10L, afterStep.Respondents);
    }

    [Fact]
    public async Task Closing_a_wave_shows_every_answer()
    {
        await SubmitAsync(SurveyDatabase.OpenWave, ("payments", 6), ("search", 0));
        await _admin.CloseWaveAsync(Actor, SurveyDatabase.OpenWave, CancellationToken.None);

        Assert.Equal(6L, (await OrganisationNpsAsync()).Respondents);
        Assert.Equal(6, (await ExportAsync(SurveyDatabase.OpenWave)).Count - 1);
    }

    [Fact]
    public async Task Live_response_rate_is_suppressed_below_k()
    {
        using var writer = new SubmissionWriter(_db.Database, _db.Clock, _db.Options, NullLogger<SubmissionWriter>.Instance);
        await writer.StartAsync(CancellationToken.None);
        foreach (var team in Enumerable.Repeat("payments", 5).Append("search"))
        {
            await writer.SubmitAsync(new SurveySubmission(Guid.NewGuid(), SurveyDatabase.OpenWave, null, team, null, true, [new SurveyAnswer(Guid.Empty, "nps", 7, null, null)]), CancellationToken.None);
        }

        await writer.StopAsync(CancellationToken.None);
        var wave = (await _db.Store.WaveAsync(SurveyDatabase.OpenWave, CancellationToken.None))!;
        var rates = await _admin.ResponseRatesAsync(wave, CancellationToken.None);

        var organisation = rates.Single(r => r.Level == "organisation");
        Assert.Equal((12L, 6L, 50.0), (organisation.Invited, organisation.Responses!.Value, organisation.RatePercent!.Value));
        // Search has 1 response (< 5); Payments is hidden with it, or the organisation total would give Search away.
        Assert.All(rates.Where(r => r.Level == "team"), r => Assert.True(r.Suppressed));
        Assert.All(rates.Where(r => r.Level == "team"), r => Assert.Null(r.Responses));
    }

    private async Task SubmitAsync(string waveId, (string Team, int Responses) first, (string Team, int Responses) second, Func<int, string>? obstacle = null)
    {
        using var writer = new SubmissionWriter(_db.Database, _db.Clock, _db.Options, NullLogger<SubmissionWriter>.Instance);
        await writer.StartAsync(CancellationToken.None);
        foreach (var (team, responses) in new[] { first, second })
        {
            // Payments holds engineers e1–e6, Search e7–e12.
            var engineer = team == "payments" ? 0 : 6;
            for (var i = 1; i <= responses; i++)
            {
                await writer.SubmitAsync(new SurveySubmission(Guid.NewGuid(), waveId, null, team, $"e{engineer + i}", false,
                    [new SurveyAnswer(Guid.Empty, "nps", i, null, null), new SurveyAnswer(Guid.Empty, "obstacle", null, null, obstacle?.Invoke(engineer + i) ?? "Slow, flaky CI")]), CancellationToken.None);
            }
        }

        await writer.StopAsync(CancellationToken.None);
    }

    private async Task<NpsResult> OrganisationNpsAsync()
    {
        var day = DateOnly.FromDateTime(_db.Clock.GetUtcNow().UtcDateTime);
        var rows = await _db.Metrics.QueryAsync<NpsResult>("nps", new MetricsQuery(day.AddDays(-10), day.AddDays(1), PeriodGrain.Quarter), CancellationToken.None);
        return rows.Single(r => r.WaveId == SurveyDatabase.OpenWave && r.Level == "organisation");
    }

    private async Task<List<string>> ExportAsync(string waveId) =>
        (await _admin.ResponsesCsvAsync(Actor, waveId, CancellationToken.None)).TrimEnd().Split('\n').Select(l => l.TrimEnd('\r')).ToList();

    private WaveDraft Wave(string name, params string[] teams) =>
        new(name, _db.Clock.GetUtcNow().AddDays(-1), _db.Clock.GetUtcNow().AddDays(14), true, 5, teams);
}
