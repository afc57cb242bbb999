using Analytics.Ingestion.Import;

namespace Analytics.Ingestion.Tests.Import;

/// <summary>A <c>.json</c> file holds one array of records; anything else is refused as a whole with what is wrong.</summary>
public sealed class JsonArrayFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pulse-json-").FullName;

    [Theory]
    [InlineData("{\"team_id\": \"ops\"}", "teams.json must hold a JSON array of records.")]
    [InlineData("[{\"team_id\": \"ops\"}] {\"team_id\": \"web\"}", "teams.json is not valid JSON:")]
    [InlineData("[{\"team_id\": \"ops\"}", "teams.json is not valid JSON:")]
    [InlineData("", "teams.json is not valid JSON:")]
    public void A_file_that_is_not_one_json_array_is_refused_naming_the_file(string content, string message)
    {
        var path = Path.Combine(_folder, "teams.json");
        File.WriteAllText(path, content);

        var error = Assert.Throws<FormatException>(() => RecordFileReader.Read(path, ["team_id", "name"]).ToList());

        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Records_are_numbered_by_their_place_in_the_array_and_a_non_object_is_refused_alone()
    {
        var path = Path.Combine(_folder, "teams.json");
        File.WriteAllText(path, "\uFEFF[{\"team_id\": \"ops\", \"name\": \"Ops\"}, 42, {\"team_id\": \"web\", \"name\": [\"a\", \"b\"]}]");

        var results = RecordFileReader.Read(path, ["team_id", "name"]).ToList();

        Assert.Equal("ops", results[0].Record!.Fields["team_id"]);
        Assert.Equal("record 2: not a JSON object.", results[1].Rejected!.ToString());
        Assert.Equal("record 3", results[2].Record!.Location);
        Assert.Equal("a;b", results[2].Record!.Fields["name"]);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
