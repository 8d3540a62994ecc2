namespace CommerceBrain.Silo.Hosting;

/// <summary>Checks at start-up that the data directory exists or can be created, and that this process can write in it.</summary>
public static class DataDirectoryProbe
{
    /// <summary>The configuration key of the data directory.</summary>
    public const string Setting = "CommerceBrain:DataDirectory";

    /// <summary>Creates <paramref name="path"/> if needed and writes, flushes and deletes a probe file in it.</summary>
    /// <exception cref="SiloConfigurationException">The directory cannot be created or written.</exception>
    public static string EnsureWritable(string path)
    {
        string fullPath;
        try
        {
            fullPath = Path.GetFullPath(path);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw Refuse(path, ex.Message, ex);
        }

        try
        {
            Directory.CreateDirectory(fullPath);
            var probe = Path.Combine(fullPath, $".write-probe-{Environment.ProcessId}");
            using (var stream = new FileStream(probe, FileMode.Create, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose))
            {
                stream.WriteByte(1);
                stream.Flush(flushToDisk: true);
            }

            return fullPath;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw Refuse(fullPath, ex.Message, ex);
        }
    }

    private static SiloConfigurationException Refuse(string path, string reason, Exception inner) => new(
        Setting,
        $"{Setting} '{path}' is not a writable directory ({reason.TrimEnd('.')}). " +
        "Pass --data-dir or set CommerceBrain__DataDirectory to a directory this user can create and write.",
        inner);
}
