namespace Analytics.Core.Surveys.Templates;

/// <summary>A shipped survey definition that a new survey can start from.</summary>
/// <param name="Name">Stored on surveys made from it.</param>
/// <param name="Label">Shown to admins.</param>
/// <param name="Survey">Makes the survey row for an id and creation time.</param>
/// <param name="Questions">Makes the questions for a survey id.</param>
public sealed record SurveyTemplate(
    string Name,
    string Label,
    Func<string, DateTimeOffset, Survey> Survey,
    Func<string, IReadOnlyList<SurveyQuestion>> Questions);
