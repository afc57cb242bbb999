using Analytics.Core.Organisation;
using Analytics.Core.Storage;
using Analytics.Core.Surveys;

namespace Analytics.Core.Tests.Storage;

public sealed class RowStampTests
{
    private static readonly DateTimeOffset At = new(2026, 7, 1, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_row_that_carries_its_written_time_is_stamped_even_when_handled_as_an_object()
    {
        object team = new Team("payments", "Payments", null, false, "UTC", "test");

        var stamped = Assert.IsType<Team>(RowStamp.Apply(team, At));

        Assert.Equal(At, stamped.UpdatedAt);
        Assert.Null(((Team)team).UpdatedAt);
    }

    [Fact]
    public void Any_other_row_is_left_as_it_is()
    {
        var survey = new Survey("pulse", "Pulse", null, null, At.AddDays(-3));

        Assert.Same(survey, RowStamp.Apply(survey, At));
    }
}
