using Analytics.Core.Metrics;
using Analytics.Core.Metrics.Sentiment;
using Analytics.Core.Organisation;
using Analytics.Core.Storage;
using Analytics.Core.Surveys;
using Analytics.Core.Surveys.Templates;
using Dapper;

namespace Analytics.Core.Tests.Metrics;

/// <summary>
/// Builds survey waves from team sizes alone and reads back, for any of the three survey metrics, which groups a
/// view shows: the common ground of the privacy tests, which care about who is shown, not about the scores.
/// </summary>
public sealed class SurveyGroups : IDisposable
{
    /// <summary>The survey metric queries that suppress small groups.</summary>
    public static readonly IReadOnlyList<string> MetricNames = ["nps", "devex_scores", "response_rate"];

    /// <summary>The same, as test data.</summary>
    public static readonly TheoryData<string> Metrics = new(MetricNames);

    /// <summary>Both the options' k and every wave's own minimum group size.</summary>
    public const int K = 5;

    private static readonly Quarter Q3 = new(2026, 3);
    private readonly MetricsFixture _fixture = new();
    private readonly HashSet<string> _teams = new(StringComparer.Ordinal);
    private int _responses;

    public SurveyGroups()
    {
        foreach (var question in DevExPulseTemplate.Questions("devex"))
        {
            _fixture.Write(question);
        }
    }

    /// <summary>
    /// A wave in 2026 Q3 in which each team has the given number of respondents, each answering the NPS question
    /// and both flow items; every team also gets enough engineers employed for a response rate below 100%.
    /// </summary>
    public void Wave(string id, DateTimeOffset opens, params (string Team, int Respondents)[] teams)
    {
        _fixture.Write(new SurveyWave(id, "devex", id, opens, opens.AddDays(14), true, K, null, "closed"));
        var responses = new List<SurveyResponse>();
        var answers = new List<SurveyAnswer>();
        foreach (var (team, respondents) in teams)
        {
            if (_teams.Add(team))
            {
                _fixture.Team(team);
                _fixture.WriteAll(Enumerable.Range(0, 20)
                    .Select(i => new Engineer($"{team}-{i}", $"{team}-{i}", null, null, team, new DateOnly(2025, 1, 1), null, "test")));
            }

            for (var i = 0; i < respondents; i++)
            {
                var response = new Guid(++_responses, 0, 0, new byte[8]);
                responses.Add(new SurveyResponse(response, id, team, null, opens.AddDays(1), "link", "test"));
                answers.Add(new SurveyAnswer(response, "nps", i % 11, null, null));
                answers.Add(new SurveyAnswer(response, "flow_focus", 1 + (i % 5), null, null));
                answers.Add(new SurveyAnswer(response, "flow_goals", 1 + ((i + 2) % 5), null, null));
                answers.Add(new SurveyAnswer(response, "obstacle", null, null, $"obstacle {response:N}"));
            }
        }

        _fixture.WriteAll(responses);
        _fixture.WriteAll(answers);
    }

    /// <summary>The groups one metric shows for 2026 Q3, for the organisation (<paramref name="team"/> null) or one team's run.</summary>
    public async Task<IReadOnlyList<Group>> ViewAsync(string metric, string? team)
    {
        var query = MetricsQuery.ForQuarter(Q3, team);
        return metric switch
        {
            "nps" => (await _fixture.Metrics.QueryAsync<NpsResult>(metric, query, CancellationToken.None))
                .Select(r => new Group(r.WaveId, r.Level, r.TeamId, r.Suppressed, r.Respondents, r.Nps)).ToList(),
            "devex_scores" => (await _fixture.Metrics.QueryAsync<DevExScore>(metric, query, CancellationToken.None))
                .Select(r => new Group(r.WaveId, r.Level, r.TeamId, r.Suppressed, r.Respondents, r.Mean)).ToList(),
            "response_rate" => (await _fixture.Metrics.QueryAsync<ResponseRate>(metric, query, CancellationToken.None))
                .Select(r => new Group(r.WaveId, r.Level, r.TeamId, r.Suppressed, r.Responses, r.RatePercent)).ToList(),
            _ => throw new ArgumentException($"'{metric}' is not a survey metric.", nameof(metric)),
        };
    }

    /// <summary>
    /// The respondents per named team in the wave's responses export (blank teams under ""), or null when the
    /// export is refused because the wave as a whole is below k.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, int>?> ExportAsync(string waveId)
    {
        using var connection = await _fixture.Database.OpenAsync(CancellationToken.None);
        if (!await connection.ExecuteScalarAsync<bool>(SqlQueries.Get("surveys/wave_results_shown"), new { wave_id = waveId, k = K }))
        {
            return null;
        }

        var rows = await connection.QueryAsync<ExportedRow>(SqlQueries.Get("surveys/response_export"), new { wave_id = waveId, k = K, salt = "s" });
        return rows.DistinctBy(r => r.RowKey).GroupBy(r => r.Team ?? string.Empty).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
    }

    /// <summary>The free-text comments the report would quote for one wave, for the organisation or one team's report.</summary>
    public async Task<int> CommentsAsync(DateTimeOffset opens, string? team)
    {
        using var connection = await _fixture.Database.OpenAsync(CancellationToken.None);
        var day = opens.UtcDateTime.Date;
        return (await connection.QueryAsync<string>(SqlQueries.Get("reports/free_text"), new { from = day, to = day.AddDays(1), team, k = K })).Count();
    }

    public void Dispose() => _fixture.Dispose();

    /// <summary>An answer in the responses export, reduced to the response and the team it names.</summary>
    public sealed class ExportedRow
    {
        public string RowKey { get; set; } = string.Empty;

        public string? Team { get; set; }
    }

    /// <summary>One row of a survey metric, reduced to what privacy is about.</summary>
    /// <param name="WaveId">The wave.</param>
    /// <param name="Level">organisation or team.</param>
    /// <param name="TeamId">The team.</param>
    /// <param name="Suppressed">Hidden for privacy.</param>
    /// <param name="Respondents">Respondents (responses, for the response rate), null when hidden.</param>
    /// <param name="Value">The metric's headline figure, null when hidden.</param>
    public sealed record Group(string WaveId, string Level, string? TeamId, bool Suppressed, long? Respondents, double? Value);
}
