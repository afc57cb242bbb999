namespace Analytics.Surveys.Forms;

/// <summary>What is wrong with the answer to one question, in words for the respondent.</summary>
/// <param name="QuestionId">The question.</param>
/// <param name="Message">For example "Choose a score from 0 to 10."</param>
public sealed record FieldError(string QuestionId, string Message);
