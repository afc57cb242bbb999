using System.Security.Cryptography;
using System.Text;

namespace Analytics.Core.Storage.Migrations;

/// <summary>One numbered schema change, from a file such as <c>queries/schema/0002_surveys.sql</c>.</summary>
public sealed record Migration(int Version, string Name, string Sql)
{
    /// <summary>SHA-256 of the SQL, recorded so that a migration edited after it ran is noticed.</summary>
    public string Checksum => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Sql.ReplaceLineEndings("\n"))));

    /// <summary>The migrations embedded from <c>queries/schema/</c>, in version order.</summary>
    public static IReadOnlyList<Migration> Embedded() =>
        SqlQueries.List("schema").Select(name => Parse(name["schema/".Length..], SqlQueries.Get(name))).OrderBy(m => m.Version).ToList();

    /// <summary>Reads the version from a file name of the form <c>NNNN_name</c>.</summary>
    public static Migration Parse(string fileName, string sql)
    {
        var separator = fileName.IndexOf('_', StringComparison.Ordinal);
        if (separator <= 0 || !int.TryParse(fileName[..separator], System.Globalization.CultureInfo.InvariantCulture, out var version))
        {
            throw new InvalidOperationException($"Migration '{fileName}' must be named NNNN_description.sql.");
        }

        return new Migration(version, fileName, sql);
    }
}
