namespace Analytics.Host.Cli;

/// <summary>
/// A plain-text table that never writes a line wider than it is given: columns are as wide as their widest cell,
/// the widest give way first when the whole does not fit (their cells wrap at spaces, then words are cut with an
/// ellipsis), and on a terminal too
/// narrow for even that each row is written as "Header: value" lines instead. Plain text, so pipes and
/// <c>NO_COLOR</c> get no escape codes.
/// </summary>
internal sealed class TextTable(string? title = null)
{
    private const int Gap = 2;
    private const int NarrowestColumn = 4;
    private readonly List<(string Header, bool RightAligned)> _columns = [];
    private readonly List<string[]> _rows = [];

    public TextTable AddColumn(string header, bool rightAligned = false)
    {
        _columns.Add((header, rightAligned));
        return this;
    }

    public TextTable AddColumns(params string[] headers)
    {
        foreach (var header in headers)
        {
            AddColumn(header);
        }

        return this;
    }

    public void AddRow(params string[] cells) => _rows.Add(cells);

    /// <summary>Writes the table to standard output, as wide as the terminal (<see cref="ConsoleSetup"/>).</summary>
    public void WriteToConsole() => Write(Spectre.Console.AnsiConsole.Profile.Out.Writer, Spectre.Console.AnsiConsole.Profile.Width);

    /// <summary>Writes the table in at most <paramref name="width"/> characters a line.</summary>
    public void Write(TextWriter output, int width)
    {
        if (title is not null)
        {
            output.WriteLine(Cut(title, width));
        }

        var widths = Fit(width);
        if (widths is null)
        {
            WriteRecords(output, width);
            return;
        }

        var rows = _rows.Select(r => Lines(r, widths)).ToList();
        WriteLines(output, Lines(_columns.Select(c => c.Header).ToArray(), widths), widths);
        output.WriteLine(string.Join(new string(' ', Gap), widths.Select(w => new string('─', w))));

        // Rows that wrap are told apart by a blank line between them.
        var wraps = rows.Any(r => r.Count > 1);
        for (var i = 0; i < rows.Count; i++)
        {
            if (wraps && i > 0)
            {
                output.WriteLine();
            }

            WriteLines(output, rows[i], widths);
        }
    }

    /// <summary>
    /// The column widths that fit, or null when even the narrowest columns do not: the widest column gives way first,
    /// down to its longest word (its cells wrap), and then further (its words are cut with an ellipsis).
    /// </summary>
    private int[]? Fit(int width)
    {
        var cells = _columns.Select((c, i) => _rows.Select(r => Cell(r, i)).Append(c.Header).ToList()).ToList();
        var widths = cells.Select(c => c.Max(t => t.Length)).ToArray();
        var words = cells.Select(c => Math.Max(NarrowestColumn, c.SelectMany(t => t.Split(' ')).Max(w => w.Length))).ToArray();
        var available = width - (Gap * (widths.Length - 1));
        foreach (var floor in new Func<int, int>[] { i => Math.Min(widths[i], words[i]), i => Math.Min(widths[i], NarrowestColumn) })
        {
            var floors = widths.Select((_, i) => floor(i)).ToArray();
            while (widths.Sum() > available)
            {
                var widest = Enumerable.Range(0, widths.Length).Where(i => widths[i] > floors[i]).OrderByDescending(i => widths[i]).FirstOrDefault(-1);
                if (widest < 0)
                {
                    break;
                }

                widths[widest]--;
            }
        }

        return widths.Sum() <= available ? widths : null;
    }

    /// <summary>A row's cells wrapped at spaces to their column widths, as lines of cell pieces.</summary>
    private static List<string[]> Lines(string[] cells, int[] widths)
    {
        var wrapped = widths.Select((w, i) => Wrap(Cell(cells, i), w)).ToArray();
        return Enumerable.Range(0, wrapped.Max(w => w.Count)).Select(line => wrapped.Select(w => line < w.Count ? w[line] : string.Empty).ToArray()).ToList();
    }

    private void WriteLines(TextWriter output, List<string[]> lines, int[] widths)
    {
        foreach (var line in lines)
        {
            output.WriteLine(string.Join(new string(' ', Gap), widths.Select((w, i) => _columns[i].RightAligned ? line[i].PadLeft(w) : line[i].PadRight(w))).TrimEnd());
        }
    }

    private static List<string> Wrap(string text, int width)
    {
        var lines = new List<string>();
        var line = string.Empty;
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => Cut(w, width)))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > width)
            {
                lines.Add(line);
                line = string.Empty;
            }

            line = line.Length == 0 ? word : $"{line} {word}";
        }

        lines.Add(line);
        return lines;
    }

    private void WriteRecords(TextWriter output, int width)
    {
        foreach (var row in _rows)
        {
            output.WriteLine();
            for (var i = 0; i < _columns.Count; i++)
            {
                output.WriteLine(Cut($"{_columns[i].Header}: {Cell(row, i)}", width));
            }
        }
    }

    private static string Cell(string[] row, int index) => index < row.Length ? row[index] : string.Empty;

    private static string Cut(string text, int width) => text.Length <= width ? text : string.Concat(text.AsSpan(0, Math.Max(0, width - 1)), "…");
}
