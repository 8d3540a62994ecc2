using System.Text;

namespace CommerceBrain.Identity.Tokens;

/// <summary>
/// Finds the signing key: the configured one (<c>CommerceBrain:Identity:SigningKey</c>) when set, else the one kept in
/// <c>&lt;DataDirectory&gt;/identity/signing-key</c>, generated and stored there on first start.
/// </summary>
public static class SigningKeyStore
{
    /// <summary>The key file's path relative to the data directory.</summary>
    public static readonly string RelativePath = Path.Combine("identity", "signing-key");

    /// <summary>Returns the configured key, or loads (first start: generates and stores) the data directory's one.</summary>
    /// <exception cref="IdentityConfigurationException">The configured key or the stored file is not a usable key, or the file cannot be written.</exception>
    public static TokenSigningKey Resolve(string? configuredKey, string dataDirectory)
    {
        ArgumentNullException.ThrowIfNull(dataDirectory);
        if (!string.IsNullOrWhiteSpace(configuredKey))
        {
            return TokenSigningKey.TryFromBase64(configuredKey, TokenSigningKey.ConfigurationOrigin)
                ?? throw new IdentityConfigurationException(IdentityOptions.SigningKeySetting,
                    $"{IdentityOptions.SigningKeySetting} must be a base64 key of at least {BearerTokens.MinKeyBytes} bytes " +
                    "(e.g. the output of 'openssl rand -base64 64'); leave it empty to have a key generated in the data directory.");
        }

        var path = Path.Combine(Path.GetFullPath(dataDirectory), RelativePath);
        return File.Exists(path) ? Load(path) : CreateOrLoad(path);
    }

    private static TokenSigningKey Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path, Encoding.ASCII);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new IdentityConfigurationException(IdentityOptions.SigningKeySetting,
                $"The signing key file '{path}' cannot be read ({ex.Message.TrimEnd('.')}). Give this user read access or set {IdentityOptions.SigningKeySetting}.", ex);
        }

        return TokenSigningKey.TryFromBase64(text, path)
            ?? throw new IdentityConfigurationException(IdentityOptions.SigningKeySetting,
                $"The signing key file '{path}' does not hold a base64 key of at least {BearerTokens.MinKeyBytes} bytes. " +
                $"Delete it to have a new key generated (tokens signed with the old one stop working) or set {IdentityOptions.SigningKeySetting}.");
    }

    // The key is written to a private temp file, flushed, then linked into place without overwriting: a crash leaves
    // either no key or a whole one, and two silos starting on one data directory end up with the same key.
    private static TokenSigningKey CreateOrLoad(string path)
    {
        var directory = Path.GetDirectoryName(path)!;
        var temp = Path.Combine(directory, $".signing-key-{Environment.ProcessId}-{Guid.NewGuid():N}");
        var key = TokenSigningKey.Generate(path);
        try
        {
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(directory);
            }
            else
            {
                Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }

            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using (var stream = new FileStream(temp, options))
            {
                stream.Write(Encoding.ASCII.GetBytes(key.ToBase64() + "\n"));
                stream.Flush(flushToDisk: true);
            }

            try
            {
                File.Move(temp, path, overwrite: false);
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another process stored its key first: use that one, so every token stays checkable.
                return Load(path);
            }

            return key;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new IdentityConfigurationException(IdentityOptions.SigningKeySetting,
                $"The signing key file '{path}' cannot be created ({ex.Message.TrimEnd('.')}). Make the data directory writable or set {IdentityOptions.SigningKeySetting}.", ex);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }
}
