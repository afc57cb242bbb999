using Analytics.Core.Storage;
using Analytics.Core.Storage.Migrations;
using Analytics.Ingestion.DemoData;
using Analytics.Ingestion.Import;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Analytics.Ingestion.Tests.Import;

/// <summary>
/// A survey import that creates its wave: a closed, historical wave from a template or an existing survey, stored
/// with the answers or not at all, and re-run safely.
/// </summary>
public sealed class SurveyImporterNewWaveTests : IAsyncLifetime, IDisposable
{
    private const string WaveId = "2025-q3-pulse";
    private const string Header = "Response ID,Submitted At,Team,nps,fl_local,fl_deploy,cl_docs,cl_debug,flow_focus,flow_goals,hours_lost";

    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private static readonly HistoricalWave Pulse = new("devex-pulse", null, "2025 Q3 pulse", new DateOnly(2025, 7, 1), new DateOnly(2025, 7, 21), 6, true);

    private readonly PulseConnection _connection = new("Data Source=:memory:");
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 1, 15, 9, 0, 0, TimeSpan.Zero));
    private readonly string _folder = Directory.CreateTempSubdirectory("pulse-survey-new-wave-").FullName;

    public async Task InitializeAsync()
    {
        _connection.Open();
        await new MigrationRunner(NullLogger<MigrationRunner>.Instance, _clock).ApplyAsync(_connection, CancellationToken.None);
        await new DemoDataLoader(NullLogger<DemoDataLoader>.Instance, _clock).LoadAsync(_connection, SamplePaths.Root, CancellationToken.None);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Missing_wave_is_created_closed_on_a_new_survey_from_the_template()
    {
        var result = await ImportAsync(Pulse, Export(Row("a", "2025-07-01 00:30:00")));

        Assert.Equal(WaveId, result.CreatedWave?.WaveId);
        var wave = _connection.QuerySingle<(string SurveyId, string Name, DateTimeOffset OpensAt, DateTimeOffset ClosesAt, bool IsAnonymous, int K, string Status)>(
            "SELECT survey_id, name, opens_at, closes_at, is_anonymous, min_group_size, status FROM survey_waves WHERE wave_id = $id", new { id = WaveId });
        Assert.Equal(("developer-experience-pulse-2026-01-15", "2025 Q3 pulse", true, 6, "closed"), (wave.SurveyId, wave.Name, wave.IsAnonymous, wave.K, wave.Status));
        Assert.Equal((Utc(2025, 6, 30, 22), Utc(2025, 7, 21, 22)), (wave.OpensAt, wave.ClosesAt));
        Assert.Equal(("devex-pulse", _clock.GetUtcNow()), _connection.QuerySingle<(string, DateTimeOffset)>(
            "SELECT template, created_at FROM surveys WHERE survey_id = $id", new { id = wave.SurveyId }));
        Assert.Equal(32L, Count($"survey_questions WHERE survey_id = '{wave.SurveyId}'")); // the template's 20 and its 12 DORA profile items
    }

    [Fact]
    public async Task Answers_go_to_the_new_wave()
    {
        var result = await ImportAsync(Pulse, Export(Row("a", "2025-07-01 08:00:00"), Row("b", "2025-07-21 23:59:00")));

        Assert.Equal((2L, 0L), (result.Stored.Inserted, result.Stored.Updated));
        Assert.Empty(result.Stored.Rejected);
        Assert.Equal(2L, Count($"survey_responses WHERE wave_id = '{WaveId}' AND channel = 'import'"));
        Assert.Equal(16L, Count($"survey_answers a JOIN survey_responses r USING (response_id) WHERE r.wave_id = '{WaveId}'"));
    }

    [Fact]
    public async Task Wave_on_an_existing_survey_uses_its_questions_and_makes_no_survey()
    {
        var surveys = Count("surveys");
        var result = await ImportAsync(Pulse with { Template = null, SurveyId = "devex-pulse", IsAnonymous = false }, Export(Row("a", "2025-07-02 10:00:00")));

        Assert.Equal(("devex-pulse", false), (result.CreatedWave?.SurveyId, result.CreatedWave?.IsAnonymous));
        Assert.Equal(1L, result.Stored.Inserted);
        Assert.Equal(surveys, Count("surveys"));
    }

    [Fact]
    public async Task Rerunning_the_same_import_changes_and_creates_nothing_more()
    {
        var export = Export(Row("a", "2025-07-02 10:00:00"), Row("b", "2025-07-03 10:00:00"));
        await ImportAsync(Pulse, export);
        var (surveys, waves) = (Count("surveys"), Count("survey_waves"));

        var again = await ImportAsync(Pulse, export);

        Assert.Null(again.CreatedWave);
        Assert.Equal((0L, 0L), (again.Stored.Inserted, again.Stored.Updated));
        Assert.Equal((surveys, waves), (Count("surveys"), Count("survey_waves")));
    }

    [Fact]
    public async Task Existing_wave_with_other_dates_is_refused_naming_them_and_nothing_changes()
    {
        await ImportAsync(Pulse, Export(Row("a", "2025-07-02 10:00:00")));
        var before = Snapshot();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => ImportAsync(Pulse with { Closed = new DateOnly(2025, 7, 22) }, Export(Row("b", "2025-07-02 10:00:00"))));

        Assert.Equal("Wave '2025-q3-pulse' exists with another definition: it ran 2025-07-01 to 2025-07-21 (Europe/Berlin), not 2025-07-01 to 2025-07-22 (Europe/Berlin). Nothing was imported.", error.Message);
        Assert.Equal(before, Snapshot());
    }

    [Fact]
    public async Task Existing_wave_of_another_survey_is_refused_naming_it_and_nothing_changes()
    {
        await ImportAsync(Pulse, Export(Row("a", "2025-07-02 10:00:00")));
        var before = Snapshot();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => ImportAsync(Pulse with { Template = null, SurveyId = "devex-pulse" }, Export(Row("b", "2025-07-02 10:00:00"))));

        Assert.Equal("Wave '2025-q3-pulse' exists with another definition: its survey is 'developer-experience-pulse-2026-01-15', not 'devex-pulse'. Nothing was imported.", error.Message);
        Assert.Equal(before, Snapshot());
    }

    [Fact]
    public async Task Existing_wave_with_dates_but_no_template_or_survey_is_refused_saying_what_to_give()
    {
        await ImportAsync(Pulse, Export(Row("a", "2025-07-02 10:00:00")));
        var before = Snapshot();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => ImportAsync(Pulse with { Template = null }, Export(Row("b", "2025-07-02 10:00:00"))));

        Assert.Equal("Wave '2025-q3-pulse' exists; to import into it, leave out the options that describe a new wave, or give all of them: --template <name> or --survey <id>, with --opened and --closed.", error.Message);
        Assert.Equal(before, Snapshot());
    }

    [Fact]
    public async Task Row_submitted_outside_the_new_waves_dates_is_a_dead_letter_and_the_rest_is_imported()
    {
        var result = await ImportAsync(Pulse, Export(Row("a", "2025-07-02 10:00:00"), Row("late", "2025-07-22 00:00:00"), Row("early", "2025-06-30 23:59:00")));

        Assert.Equal(1L, result.Stored.Inserted);
        Assert.Equal(
            [
                "line 3: submitted at '2025-07-22 00:00:00', outside the wave's dates, 2025-07-01 to 2025-07-21 (Europe/Berlin).",
                "line 4: submitted at '2025-06-30 23:59:00', outside the wave's dates, 2025-07-01 to 2025-07-21 (Europe/Berlin).",
            ],
            result.Stored.Rejected.Select(r => r.ToString()));
        Assert.Equal(2L, Count($"dead_letters WHERE run_id = '{result.Stored.RunId}'"));
    }

    [Fact]
    public async Task Bad_file_leaves_no_wave_and_no_survey_behind()
    {
        var before = Snapshot();
        var path = Path.Combine(_folder, "bad.csv");
        File.WriteAllText(path, "Response ID,Submitted At,Team,favourite colour\na,2025-07-02 10:00:00,Payments,blue\n");

        var error = await Assert.ThrowsAsync<FormatException>(() => ImportAsync(Pulse, path));

        Assert.Equal("The survey CSV has columns that match no question of the survey: 'favourite colour'.", error.Message);
        Assert.Equal(before, Snapshot());
    }

    [Fact]
    public async Task Export_with_no_row_inside_the_dates_creates_no_wave()
    {
        var before = Snapshot();

        var error = await Assert.ThrowsAsync<FormatException>(() => ImportAsync(Pulse, Export(Row("a", "2024-07-02 10:00:00"))));

        Assert.StartsWith("No row of export.csv can be imported, so wave '2025-q3-pulse' was not created; line 2: submitted at '2024-07-02 10:00:00'", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, Snapshot());
    }

    public static TheoryData<string?, string?, string, string, int, string, string> BadDefinitions => new()
    {
        { null, null, "2025-07-01", "2025-07-21", 6, WaveId,
            "There is no survey wave '2025-q3-pulse'. To create it in the same run, add --template <name> or --survey <id>, with --opened and --closed." },
        { "journey", null, "2025-07-01", "2025-07-21", 6, WaveId,
            "There is no template named 'journey'. Choose one of: devex-pulse, onboarding, path-to-production, ai-capabilities, dora-profile, ai-assistants." },
        { null, "no-such-survey", "2025-07-01", "2025-07-21", 6, WaveId, "There is no survey 'no-such-survey'." },
        { "devex-pulse", null, "2025-07-21", "2025-07-01", 6, WaveId, "--closed 2025-07-01 is before --opened 2025-07-21." },
        { "devex-pulse", "devex-pulse", "2025-07-01", "2025-07-21", 6, WaveId,
            "Give --template or --survey, not both: a new wave gets either a new survey from a template or an existing survey." },
        { "devex-pulse", null, "2026-01-01", "2026-01-16", 6, WaveId, "--closed 2026-01-16 is after today (2026-01-15); an import creates only waves that have closed." },
        { "devex-pulse", null, "2025-07-01", "2025-07-21", 2, WaveId,
            "Wave '2025-q3-pulse' cannot be created: the smallest reported group (k) must be at least 3, or answers could be traced to people." },
        { "devex-pulse", null, "2025-07-01", "2025-07-21", 6, "2025 Q3",
            "A new wave's id is lower-case letters, digits and hyphens, such as '2025-q3-pulse'; '2025 Q3' is not." },
    };

    [Theory]
    [MemberData(nameof(BadDefinitions))]
    public async Task Bad_definition_is_refused_with_its_reason_and_nothing_is_stored(string? template, string? surveyId, string opened, string closed, int k, string waveId, string message)
    {
        var before = Snapshot();
        var definition = new HistoricalWave(template, surveyId, "2025 Q3 pulse", DateOnly.Parse(opened, System.Globalization.CultureInfo.InvariantCulture),
            DateOnly.Parse(closed, System.Globalization.CultureInfo.InvariantCulture), k, true);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => ImportAsync(definition, Export(Row("a", "2025-07-02 10:00:00")), waveId));

        Assert.Equal(message, error.Message);
        Assert.Equal(before, Snapshot());
    }

    public void Dispose()
    {
        _connection.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private static string Row(string id, string submittedAt) => $"{id},{submittedAt},Payments,9,4,4,4,4,4,4,1–2 hours";

    private static DateTimeOffset Utc(int year, int month, int day, int hour) => new(year, month, day, hour, 0, 0, TimeSpan.Zero);

    private string Export(params string[] rows)
    {
        var path = Path.Combine(_folder, "export.csv");
        File.WriteAllLines(path, [Header, .. rows]);
        return path;
    }

    private Task<SurveyImportResult> ImportAsync(HistoricalWave definition, string path, string waveId = WaveId) =>
        SurveyImporter.ImportAsync(_connection, waveId, path, Berlin, definition, _clock, CancellationToken.None);

    private long Count(string from) => _connection.QuerySingle<long>($"SELECT count(*) FROM {from}");

    /// <summary>Row counts of everything an import may write.</summary>
    private (long Surveys, long Questions, long Waves, long Responses, long Answers, long DeadLetters, long Runs) Snapshot() =>
        (Count("surveys"), Count("survey_questions"), Count("survey_waves"), Count("survey_responses"), Count("survey_answers"), Count("dead_letters"), Count("ingestion_runs"));
}
