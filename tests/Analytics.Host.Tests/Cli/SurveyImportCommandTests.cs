using Analytics.Core.Storage;
using Dapper;

namespace Analytics.Host.Tests.Cli;

/// <summary><c>analytics import survey</c> bringing in last year's export, creating its closed wave in the same run.</summary>
public sealed class SurveyImportCommandTests : IClassFixture<DemoDatabase>, IDisposable
{
    private const string Database = "pulse.duckdb";
    private const string WaveId = "2025-q3-pulse";

    private static readonly string[] Create = ["--wave", WaveId, "--template", "devex-pulse", "--wave-name", "2025 Q3 pulse", "--opened", "2025-07-01", "--closed", "2025-07-21"];

    private readonly string _folder = Directory.CreateTempSubdirectory("pulse-survey-cli-").FullName;

    public SurveyImportCommandTests(DemoDatabase demo)
    {
        demo.CopyTo(_folder, Database);
        File.WriteAllLines(Path.Combine(_folder, "export.csv"),
        [
            "Response ID,Submitted At,Team,nps,fl_local,fl_deploy,cl_docs,cl_debug,flow_focus,flow_goals,hours_lost",
            "a,2025-07-02 10:00:00,Payments,9,4,4,4,4,4,4,1–2 hours",
            "b,2025-07-21 18:00:00,Payments,7,3,3,3,3,3,3,3–5 hours",
            "late,2025-07-25 09:00:00,Payments,8,4,4,4,4,4,4,1–2 hours",
        ]);
    }

    [Fact]
    public async Task Missing_wave_is_created_closed_with_the_answers_and_a_rerun_changes_nothing()
    {
        var (exit, output, error) = await ImportAsync(Create);
        Assert.True(exit == 0, error);
        Assert.Matches(@"Created the closed wave '2025-q3-pulse' \(""2025 Q3 pulse"", 2025-07-01 to 2025-07-21\) of survey 'developer-experience-pulse-\d{4}-\d{2}-\d{2}'\.", output);
        Assert.Contains("export.csv: 2 inserted, 0 updated, 1 rejected.", output, StringComparison.Ordinal);
        Assert.Contains("rejected line 4: submitted at '2025-07-25 09:00:00', outside the wave's dates, 2025-07-01 to 2025-07-21 (UTC).", output, StringComparison.Ordinal);
        Assert.Equal("closed", Scalar<string>($"SELECT status FROM survey_waves WHERE wave_id = '{WaveId}'"));

        (exit, output, error) = await ImportAsync(Create);
        Assert.True(exit == 0, error);
        Assert.DoesNotContain("Created", output, StringComparison.Ordinal);
        Assert.Contains("export.csv: 0 inserted, 0 updated, 1 rejected.", output, StringComparison.Ordinal);
        Assert.Equal(1L, Scalar<long>("SELECT count(*) FROM surveys WHERE template = 'devex-pulse' AND survey_id <> 'devex-pulse'"));
    }

    [Fact]
    public async Task An_import_into_a_wave_that_rejects_every_row_fails_with_a_summary()
    {
        await ImportAsync(Create);
        var responses = Scalar<long>("SELECT count(*) FROM survey_responses");
        await File.WriteAllLinesAsync(Path.Combine(_folder, "export.csv"),
        [
            "Response ID,Submitted At,Team,nps,fl_local,fl_deploy,cl_docs,cl_debug,flow_focus,flow_goals,hours_lost",
            "late,2025-07-25 09:00:00,Payments,8,4,4,4,4,4,4,1–2 hours",
            "later,2025-07-26 09:00:00,Payments,6,4,4,4,4,4,4,1–2 hours",
        ]);

        var (exit, output, error) = await ImportAsync(["--wave", WaveId]);

        Assert.Equal(1, exit);
        Assert.Contains("export.csv: 0 inserted, 0 updated, 2 rejected.", output, StringComparison.Ordinal);
        Assert.Equal("error: export.csv: all 2 records were rejected, nothing stored (reasons above and in the dead_letters table).", error.Trim());
        Assert.Equal(responses, Scalar<long>("SELECT count(*) FROM survey_responses"));
    }

    [Fact]
    public async Task Rerun_with_other_dates_is_one_line_naming_them_and_changes_nothing()
    {
        await ImportAsync(Create);
        var responses = Scalar<long>("SELECT count(*) FROM survey_responses");

        var (exit, _, error) = await ImportAsync([.. Create[..^1], "2025-07-22"]);

        Assert.Equal(1, exit);
        Assert.Equal("error: Wave '2025-q3-pulse' exists with another definition: it ran 2025-07-01 to 2025-07-21 (UTC), not 2025-07-01 to 2025-07-22 (UTC). Nothing was imported.", error.Trim());
        Assert.Equal(responses, Scalar<long>("SELECT count(*) FROM survey_responses"));
    }

    [Fact]
    public async Task Bad_file_is_one_line_and_leaves_no_wave()
    {
        await File.WriteAllTextAsync(Path.Combine(_folder, "export.csv"), "Response ID,Submitted At,Team,colour\na,2025-07-02 10:00:00,Payments,blue\n");

        var (exit, _, error) = await ImportAsync(Create);

        Assert.Equal(1, exit);
        Assert.Equal("error: The survey CSV has columns that match no question of the survey: 'colour'.", error.Trim());
        Assert.Equal(0L, WavesNamed());
    }

    [Theory]
    [InlineData(new[] { "--wave", WaveId },
        "There is no survey wave '2025-q3-pulse'. To create it in the same run, add --template <name> or --survey <id>, with --opened and --closed.")]
    [InlineData(new[] { "--wave", WaveId, "--template", "journey", "--opened", "2025-07-01", "--closed", "2025-07-21" },
        "There is no template named 'journey'. Choose one of: devex-pulse, onboarding, path-to-production, ai-capabilities, dora-profile, ai-assistants.")]
    [InlineData(new[] { "--wave", WaveId, "--survey", "no-such-survey", "--opened", "2025-07-01", "--closed", "2025-07-21" },
        "There is no survey 'no-such-survey'.")]
    [InlineData(new[] { "--wave", WaveId, "--template", "devex-pulse", "--opened", "2025-07-21", "--closed", "2025-07-01" },
        "--closed 2025-07-01 is before --opened 2025-07-21.")]
    [InlineData(new[] { "--wave", WaveId, "--template", "devex-pulse", "--opened", "2025-07-01", "--closed", "21/07/2025" },
        "--closed '21/07/2025' is not a date; write it as YYYY-MM-DD, for example 2025-07-01.")]
    [InlineData(new[] { "--wave", WaveId, "--template", "devex-pulse", "--survey", "devex-pulse", "--opened", "2025-07-01", "--closed", "2025-07-21" },
        "Give --template or --survey, not both: a new wave gets either a new survey from a template or an existing survey.")]
    [InlineData(new[] { "--wave", WaveId, "--template", "devex-pulse", "--opened", "2025-07-01" },
        "A new wave '2025-q3-pulse' needs both --opened and --closed (YYYY-MM-DD).")]
    public async Task Bad_input_is_one_line_naming_the_problem_and_stores_nothing(string[] args, string message)
    {
        var before = (Scalar<long>("SELECT count(*) FROM surveys"), Scalar<long>("SELECT count(*) FROM survey_responses"));

        var (exit, _, error) = await ImportAsync(args);

        Assert.Equal(1, exit);
        Assert.Equal($"error: {message}", error.Trim());
        Assert.Equal(0L, WavesNamed());
        Assert.Equal(before, (Scalar<long>("SELECT count(*) FROM surveys"), Scalar<long>("SELECT count(*) FROM survey_responses")));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private Task<(int ExitCode, string Output, string Error)> ImportAsync(string[] options) =>
        CliProcess.RunAsync(_folder, ["import", "survey", "export.csv", .. options, "--db", Database]);

    private long WavesNamed() => Scalar<long>($"SELECT count(*) FROM survey_waves WHERE wave_id = '{WaveId}'");

    private T Scalar<T>(string sql)
    {
        using var connection = new PulseConnection($"Data Source={Path.Combine(_folder, Database)}");
        connection.Open();
        return connection.ExecuteScalar<T>(sql)!;
    }
}
