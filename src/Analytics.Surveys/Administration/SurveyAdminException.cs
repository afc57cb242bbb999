namespace Analytics.Surveys.Administration;

/// <summary>An admin action that cannot be done, with a message that says why in the admin's words.</summary>
public sealed class SurveyAdminException(string message) : Exception(message);
