using System.Data;
using Analytics.Core.Storage;
using Dapper;

namespace Analytics.Core.Surveys;

/// <summary>Reads stored waves and questions back into their records (DuckDB works synchronously underneath).</summary>
public static class SurveyDefinitions
{
    /// <summary>The survey, or null.</summary>
    public static Survey? Survey(IDbConnection connection, string surveyId, CancellationToken cancellationToken) =>
        connection.QuerySingleOrDefault<Survey>(new CommandDefinition(SqlQueries.Get("surveys/survey"), new { survey_id = surveyId }, cancellationToken: cancellationToken));

    /// <summary>The wave, or null.</summary>
    public static SurveyWave? Wave(IDbConnection connection, string waveId, CancellationToken cancellationToken) =>
        connection.QuerySingleOrDefault<WaveRow>(new CommandDefinition(SqlQueries.Get("surveys/wave"), new { wave_id = waveId }, cancellationToken: cancellationToken))?.ToWave();

    /// <summary>The waves of a survey, newest first.</summary>
    public static IReadOnlyList<SurveyWave> Waves(IDbConnection connection, string surveyId, CancellationToken cancellationToken) =>
        connection.Query<WaveRow>(new CommandDefinition(SqlQueries.Get("surveys/waves"), new { survey_id = surveyId }, cancellationToken: cancellationToken))
            .Select(w => w.ToWave()).ToList();

    /// <summary>The survey's questions in form order.</summary>
    public static IReadOnlyList<SurveyQuestion> Questions(IDbConnection connection, string surveyId, CancellationToken cancellationToken) =>
        connection.Query<QuestionRow>(new CommandDefinition(SqlQueries.Get("surveys/questions"), new { survey_id = surveyId }, cancellationToken: cancellationToken))
            .Select(q => q.ToQuestion()).ToList();

    // Rows as DuckDB returns them (lists as arrays), for Dapper, which matches constructor types exactly.
    private sealed record WaveRow(string WaveId, string SurveyId, string Name, DateTimeOffset OpensAt, DateTimeOffset ClosesAt, bool IsAnonymous,
        int MinGroupSize, string[]? AudienceTeamIds, string Status, string[]? OptionalBlocks)
    {
        public SurveyWave ToWave() => new(WaveId, SurveyId, Name, OpensAt, ClosesAt, IsAnonymous, MinGroupSize, AudienceTeamIds, Status, OptionalBlocks);
    }

    private sealed record QuestionRow(string SurveyId, string QuestionId, int Position, string Kind, string Text, string? HelpText, bool Required,
        string? Dimension, string? Capability, string[]? Options, string? LowLabel, string? HighLabel, string? Block, string? Grid, string? RowLabel)
    {
        public SurveyQuestion ToQuestion() => new(SurveyId, QuestionId, Position, Kind, Text, HelpText, Required, Dimension, Capability, Options, LowLabel, HighLabel, Block, Grid, RowLabel);
    }
}
