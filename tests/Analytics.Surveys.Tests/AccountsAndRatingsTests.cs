using Analytics.Surveys.Accounts;
using Analytics.Surveys.Ratings;

namespace Analytics.Surveys.Tests;

public sealed class AccountsAndRatingsTests : IDisposable
{
    private readonly SurveyDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task Admin_password_is_stored_hashed_and_verified()
    {
        var accounts = new AdminAccounts(_db.Database, _db.Clock);
        await accounts.SetPasswordAsync("pm.lee", "a long passphrase", CancellationToken.None);

        Assert.Equal("pm.lee", (await accounts.VerifyAsync("pm.lee", "a long passphrase", CancellationToken.None))?.Username);
        Assert.Null(await accounts.VerifyAsync("pm.lee", "a long passphrasE", CancellationToken.None));
        Assert.Null(await accounts.VerifyAsync("nobody", "a long passphrase", CancellationToken.None));
        Assert.Equal(0L, _db.Scalar<long>("SELECT count(*) FROM admin_users WHERE contains(password_hash, 'passphrase')"));

        await accounts.SetPasswordAsync("pm.lee", "another passphrase", CancellationToken.None);
        Assert.Null(await accounts.VerifyAsync("pm.lee", "a long passphrase", CancellationToken.None));
        Assert.Equal(1L, await accounts.CountAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_new_password_or_signing_out_gives_a_new_session_stamp_and_keeps_the_role()
    {
        var accounts = new AdminAccounts(_db.Database, _db.Clock);
        await accounts.SetPasswordAsync("pm.kim", "a long passphrase", "viewer", CancellationToken.None);
        var first = await accounts.VerifyAsync("pm.kim", "a long passphrase", CancellationToken.None);

        await accounts.SetPasswordAsync("pm.kim", "another passphrase", CancellationToken.None);
        var second = await accounts.VerifyAsync("pm.kim", "another passphrase", CancellationToken.None);
        await accounts.EndSessionsAsync("pm.kim", CancellationToken.None);
        var third = await accounts.SessionStampAsync("pm.kim", CancellationToken.None);

        Assert.Equal("viewer", first!.Role);
        Assert.Equal("viewer", second!.Role);
        Assert.Equal(3, new[] { first.SessionStamp, second.SessionStamp, third }.Distinct().Count());
        Assert.Null(await accounts.SessionStampAsync("nobody", CancellationToken.None));
    }

    [Fact]
    public async Task An_ended_single_sign_on_session_is_remembered_for_the_session_lifetime()
    {
        var accounts = new AdminAccounts(_db.Database, _db.Clock);
        await accounts.EndSessionAsync("session-1", TimeSpan.FromHours(8), CancellationToken.None);
        var endedAtFirst = await accounts.SessionEndedAsync("session-1", CancellationToken.None);
        var otherEnded = await accounts.SessionEndedAsync("session-2", CancellationToken.None);

        _db.Clock.Now += TimeSpan.FromHours(8) + TimeSpan.FromSeconds(1);
        await accounts.EndSessionAsync("session-2", TimeSpan.FromHours(8), CancellationToken.None);

        Assert.True(endedAtFirst);
        Assert.False(otherEnded);
        Assert.Equal(["session-2"], _db.Scalar<string>("SELECT string_agg(session_id, ',') FROM admin_ended_sessions").Split(','));
    }

    [Fact]
    public async Task A_new_account_is_an_admin_unless_a_role_is_given()
    {
        var accounts = new AdminAccounts(_db.Database, _db.Clock);
        await accounts.SetPasswordAsync("pm.lee", "a long passphrase", CancellationToken.None);
        await accounts.SetPasswordAsync("pm.kim", "a long passphrase", "viewer", CancellationToken.None);
        await accounts.SetPasswordAsync("pm.kim", "a long passphrase", "admin", CancellationToken.None);

        Assert.Equal("admin", (await accounts.VerifyAsync("pm.lee", "a long passphrase", CancellationToken.None))!.Role);
        Assert.Equal("admin", (await accounts.VerifyAsync("pm.kim", "a long passphrase", CancellationToken.None))!.Role);
    }

    [Fact]
    public async Task An_unknown_role_is_refused()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => new AdminAccounts(_db.Database, _db.Clock).SetPasswordAsync("pm.lee", "a long passphrase", "owner", CancellationToken.None));
        Assert.Equal("'owner' is not a role: use admin or viewer.", error.Message);
        Assert.Equal(0L, _db.Scalar<long>("SELECT count(*) FROM admin_users"));
    }

    [Theory]
    [InlineData("pm.lee", "short", "The password is 5 characters long; use at least 12.")]
    [InlineData("PM Lee", "a long passphrase", "'PM Lee' is not a valid username: use 2–40 lower-case letters, digits, '.', '_' or '-'.")]
    public async Task Bad_admin_accounts_are_refused(string user, string password, string message)
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => new AdminAccounts(_db.Database, _db.Clock).SetPasswordAsync(user, password, CancellationToken.None));
        Assert.Equal(message, error.Message);
        Assert.Equal(0L, _db.Scalar<long>("SELECT count(*) FROM admin_users"));
    }

    [Fact]
    public async Task Rating_is_stored_with_team_and_context()
    {
        await new MomentRatings(_db.Database, _db.Store, _db.Clock).RecordAsync("deploys", 9, "payments", " cli ", CancellationToken.None);
        await new MomentRatings(_db.Database, _db.Store, _db.Clock).RecordAsync("ci", 0, null, null, CancellationToken.None);
        Assert.Equal("ci:0::|deploys:9:payments:cli", _db.Scalar<string>(
            "SELECT string_agg(capability || ':' || score || ':' || coalesce(team_id, '') || ':' || coalesce(context, ''), '|' ORDER BY capability) FROM moment_ratings"));
    }

    [Theory]
    [InlineData("deploys", 11, null, null, "The score must be from 0 to 10, not 11.")]
    [InlineData("deploys", -1, null, null, "The score must be from 0 to 10, not -1.")]
    [InlineData("deploys", null, null, null, "Give a score from 0 to 10.")]
    [InlineData("Deploys!", 5, null, null, "'Deploys!' is not a capability name: use 1–40 lower-case letters, digits, '-' or '_'.")]
    [InlineData("deploys", 5, "a-team-id-of-one-hundred-and-one-characters-which-is-longer-than-any-slug-the-catalog-ever-makes-wxyz", null, "The team is 101 characters long; keep it to 100.")]
    public async Task Bad_ratings_are_refused_and_store_nothing(string capability, int? score, string? team, string? context, string message)
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => new MomentRatings(_db.Database, _db.Store, _db.Clock).RecordAsync(capability, score, team, context, CancellationToken.None));
        Assert.Equal(message, error.Message);
        Assert.Equal(0L, _db.Scalar<long>("SELECT count(*) FROM moment_ratings"));
    }

    [Fact]
    public async Task Unknown_team_is_left_out_so_the_answer_does_not_tell_which_teams_exist()
    {
        await new MomentRatings(_db.Database, _db.Store, _db.Clock).RecordAsync("deploys", 7, "platform", null, CancellationToken.None);
        Assert.Equal("deploys:7:<none>", _db.Scalar<string>("SELECT capability || ':' || score || ':' || coalesce(team_id, '<none>') FROM moment_ratings"));
    }

    [Fact]
    public async Task Long_context_is_refused()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => new MomentRatings(_db.Database, _db.Store, _db.Clock).RecordAsync("ci", 5, null, new string('x', 101), CancellationToken.None));
        Assert.Equal("The context is 101 characters long; keep it to 100.", error.Message);
    }
}
