namespace Analytics.Surveys.Accounts;

/// <summary>An admin who has just proved their password: who, what they may do, and the session stamp to put in their cookie.</summary>
/// <param name="Username">The account's username.</param>
/// <param name="Role">"admin" (may change things) or "viewer" (may only look).</param>
/// <param name="SessionStamp">The account's current session stamp; a cookie holding another one is no longer signed in.</param>
public sealed record AdminAccount(string Username, string Role, string SessionStamp);
