namespace Analytics.Host.Cli;

/// <summary>Checks a file a command will write before the work starts, so a bad path fails in a second, not after minutes.</summary>
internal static class OutputFile
{
    /// <summary>Throws <see cref="CliException"/> naming <paramref name="option"/> when <paramref name="path"/> cannot be written.</summary>
    public static void EnsureWritable(string option, string path)
    {
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            throw new CliException($"{option} {path} is a directory; give a file name in it, such as {Path.Combine(path, "report.pdf")}.");
        }

        var folder = Path.GetDirectoryName(full)!;
        if (!Directory.Exists(folder))
        {
            throw new CliException($"{option} {path}: the folder {folder} does not exist; create it first or choose another.");
        }

        var existed = File.Exists(full);
        try
        {
            // Opening for writing is the only sure test (permissions, read-only mounts, a file held by another program).
            using (new FileStream(full, FileMode.OpenOrCreate, FileAccess.Write, FileShare.ReadWrite))
            {
            }

            if (!existed)
            {
                File.Delete(full);
            }
        }
        catch (Exception error) when (error is UnauthorizedAccessException or IOException)
        {
            throw new CliException($"{option} {path} cannot be written: {error.Message.Split('\n', 2)[0].Trim()}");
        }
    }
}
