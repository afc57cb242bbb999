namespace Analytics.Ingestion.Import;

/// <summary>
/// A fast reader for the ISO 8601 instants sources send (<c>2026-07-01T10:00:00Z</c>, with optional fraction and
/// a <c>±hh:mm</c> offset): an import reads two per record, and the general parser costs most of an import's time.
/// Anything else falls back to the general parser.
/// </summary>
internal static class IsoTimestamp
{
    public static bool TryParse(ReadOnlySpan<char> s, out DateTimeOffset value)
    {
        value = default;
        if (s.Length < 20 || s[4] != '-' || s[7] != '-' || (s[10] != 'T' && s[10] != 't') || s[13] != ':' || s[16] != ':'
            || !Digits(s, 0, 4, out var year) || !Digits(s, 5, 2, out var month) || !Digits(s, 8, 2, out var day)
            || !Digits(s, 11, 2, out var hour) || !Digits(s, 14, 2, out var minute) || !Digits(s, 17, 2, out var second))
        {
            return false;
        }

        var i = 19;
        long fraction = 0;
        if (s[i] == '.')
        {
            var digits = 0;
            for (i++; i < s.Length && char.IsAsciiDigit(s[i]); i++)
            {
                if (digits++ < 7)
                {
                    fraction = (fraction * 10) + (s[i] - '0');
                }
            }

            if (digits == 0)
            {
                return false;
            }

            for (; digits < 7; digits++)
            {
                fraction *= 10;
            }
        }

        TimeSpan offset;
        if (i == s.Length - 1 && s[i] is 'Z' or 'z')
        {
            offset = TimeSpan.Zero;
        }
        else if (i + 6 == s.Length && s[i] is '+' or '-' && s[i + 3] == ':' && Digits(s, i + 1, 2, out var offsetHours) && Digits(s, i + 4, 2, out var offsetMinutes))
        {
            offset = new TimeSpan(offsetHours, offsetMinutes, 0);
            offset = s[i] == '-' ? -offset : offset;
        }
        else
        {
            return false;
        }

        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59 || offset.Duration() > TimeSpan.FromHours(14))
        {
            return false;
        }

        value = new DateTimeOffset(year, month, day, hour, minute, second, offset).AddTicks(fraction).ToUniversalTime();
        return true;
    }

    private static bool Digits(ReadOnlySpan<char> s, int start, int count, out int number)
    {
        number = 0;
        for (var i = start; i < start + count; i++)
        {
            if (!char.IsAsciiDigit(s[i]))
            {
                return false;
            }

            number = (number * 10) + (s[i] - '0');
        }

        return true;
    }
}
