using System.Text;
using System.Text.Json;

namespace CommerceBrain.Load.Double11;

/// <summary>
/// The journal of acknowledged writes: JSON lines appended from any thread, buffered, flushed every second and at the
/// end, so <c>verify</c> can later read every one back. A journal without a path records nothing.
/// </summary>
public sealed class AckJournal : IAsyncDisposable
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly object gate = new();
    private readonly StreamWriter? writer;
    private readonly ITimer? flusher;
    private long count;
    private bool disposed;

    /// <summary>Opens (appends to) <paramref name="path"/>; null means "no journal".</summary>
    public AckJournal(string? path, TimeProvider? clock = null)
    {
        if (path is null)
        {
            return;
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        writer = new StreamWriter(new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read, 64 * 1024), new UTF8Encoding(false));
        flusher = (clock ?? TimeProvider.System).CreateTimer(_ => Flush(), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
    }

    /// <summary>Entries appended so far.</summary>
    public long Count => Interlocked.Read(ref count);

    /// <summary>True when entries go to a file.</summary>
    public bool IsRecording => writer is not null;

    /// <summary>Appends one acknowledged write (thread-safe; written to the file within a second).</summary>
    public void Append(JournalEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (writer is null)
        {
            return;
        }

        var line = JsonSerializer.Serialize(entry, Json);
        lock (gate)
        {
            if (disposed)
            {
                return;
            }

            writer.WriteLine(line);
        }

        Interlocked.Increment(ref count);
    }

    /// <summary>Writes what is buffered to the file.</summary>
    public void Flush()
    {
        lock (gate)
        {
            if (!disposed)
            {
                writer?.Flush();
            }
        }
    }

    /// <summary>Reads a journal file; a line that is not an entry is an error naming its line number.</summary>
    public static async IAsyncEnumerable<JournalEntry> ReadAsync(string path, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var reader = new StreamReader(path, Encoding.UTF8);
        var number = 0;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            JournalEntry? entry;
            try
            {
                entry = JsonSerializer.Deserialize<JournalEntry>(line, Json);
            }
            catch (JsonException ex)
            {
                throw new InvalidDataException($"{path}:{number}: not a journal entry ({ex.Message})", ex);
            }

            if (entry is null || string.IsNullOrEmpty(entry.Kind) || string.IsNullOrEmpty(entry.Subject))
            {
                throw new InvalidDataException($"{path}:{number}: not a journal entry (kind and subject are required)");
            }

            yield return entry;
        }
    }

    /// <summary>Flushes and closes the file.</summary>
    public async ValueTask DisposeAsync()
    {
        if (flusher is not null)
        {
            await flusher.DisposeAsync();
        }

        lock (gate)
        {
            if (disposed)
            {
                return;
            }

            disposed = true;
            writer?.Flush();
            writer?.Dispose();
        }
    }
}
