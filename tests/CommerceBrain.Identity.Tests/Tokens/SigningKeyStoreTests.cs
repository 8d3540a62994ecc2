using System.Security.Cryptography;
using CommerceBrain.Identity.Tokens;

namespace CommerceBrain.Identity.Tests.Tokens;

public sealed class SigningKeyStoreTests
{
    [Fact]
    public void A_key_is_generated_on_first_start_and_the_same_key_is_used_on_the_next()
    {
        using var data = new KeyDirectory();

        var first = SigningKeyStore.Resolve(null, data.Path);
        var second = SigningKeyStore.Resolve(null, data.Path);

        Assert.True(first.Generated);
        Assert.False(second.Generated);
        Assert.Equal(data.KeyFile, first.Origin);
        Assert.Equal(first.Key.Key, second.Key.Key);
        Assert.True(first.Key.Key.Length >= BearerTokens.MinKeyBytes);
    }

    [Fact]
    public void The_stored_key_is_readable_by_its_owner_only_and_no_temp_file_is_left()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var data = new KeyDirectory();

        SigningKeyStore.Resolve(null, data.Path);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(data.KeyFile));
        Assert.Equal([data.KeyFile], Directory.GetFiles(Path.GetDirectoryName(data.KeyFile)!));
    }

    [Fact]
    public async Task Silos_starting_together_on_one_data_directory_end_up_with_one_key()
    {
        using var data = new KeyDirectory();

        var keys = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => SigningKeyStore.Resolve(null, data.Path))));

        Assert.Single(keys.Select(k => k.KeyId).Distinct());
        Assert.Equal(keys[0].Key.Key, SigningKeyStore.Resolve(null, data.Path).Key.Key);
    }

    [Fact]
    public void A_configured_key_is_used_and_nothing_is_written_to_the_data_directory()
    {
        using var data = new KeyDirectory();
        var bytes = RandomNumberGenerator.GetBytes(48);

        var key = SigningKeyStore.Resolve(Convert.ToBase64String(bytes), data.Path);

        Assert.Equal(bytes, key.Key.Key);
        Assert.Equal("configuration", key.Origin);
        Assert.False(File.Exists(data.KeyFile));
    }

    [Theory]
    [InlineData("not base64 at all!")]
    [InlineData("c2hvcnQga2V5")] // "short key": 9 bytes
    public void A_configured_key_that_is_not_base64_or_shorter_than_32_bytes_is_refused_naming_the_setting(string configured)
    {
        using var data = new KeyDirectory();

        var refusal = Assert.Throws<IdentityConfigurationException>(() => SigningKeyStore.Resolve(configured, data.Path));

        Assert.Equal("CommerceBrain:Identity:SigningKey", refusal.Setting);
        Assert.StartsWith("CommerceBrain:Identity:SigningKey must be a base64 key of at least 32 bytes", refusal.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', refusal.Message);
        Assert.False(File.Exists(data.KeyFile));
    }

    [Fact]
    public void A_data_directory_that_cannot_hold_the_key_is_refused_naming_the_setting()
    {
        using var data = new KeyDirectory();
        Directory.CreateDirectory(data.Path);
        // A file where the key's directory should be: creating the directory fails whoever runs the test.
        File.WriteAllText(Path.Combine(data.Path, "identity"), "in the way");

        var refusal = Assert.Throws<IdentityConfigurationException>(() => SigningKeyStore.Resolve(null, data.Path));

        Assert.Equal("CommerceBrain:Identity:SigningKey", refusal.Setting);
        Assert.Contains("cannot be created", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_damaged_key_file_is_refused_naming_the_file_and_is_not_replaced()
    {
        using var data = new KeyDirectory();
        Directory.CreateDirectory(Path.GetDirectoryName(data.KeyFile)!);
        File.WriteAllText(data.KeyFile, "AAAA");

        var refusal = Assert.Throws<IdentityConfigurationException>(() => SigningKeyStore.Resolve(null, data.Path));

        Assert.Contains(data.KeyFile, refusal.Message, StringComparison.Ordinal);
        Assert.Equal("AAAA", File.ReadAllText(data.KeyFile));
    }
}
