namespace Analytics.Surveys.Administration;

/// <summary>A question as an admin writes it.</summary>
/// <param name="Kind">One of <see cref="Analytics.Core.Surveys.SurveyQuestionKinds"/>.</param>
/// <param name="Text">The question.</param>
/// <param name="HelpText">Optional help under it.</param>
/// <param name="Required">Whether an answer is required.</param>
/// <param name="Options">The choices, for choice questions.</param>
/// <param name="LowLabel">Label of the scale's low end, for scales.</param>
/// <param name="HighLabel">Label of the scale's high end, for scales.</param>
public sealed record QuestionDraft(string Kind, string Text, string? HelpText, bool Required, IReadOnlyList<string> Options, string? LowLabel, string? HighLabel);
