namespace CommerceBrain.Identity.Tests;

/// <summary>A fresh data directory under the system temp folder, deleted on dispose.</summary>
internal sealed class KeyDirectory : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "commercebrain-id-" + Guid.NewGuid().ToString("N")[..12]);

    public string KeyFile => System.IO.Path.Combine(Path, "identity", "signing-key");

    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
