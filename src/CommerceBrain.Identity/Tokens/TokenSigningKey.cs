using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace CommerceBrain.Identity.Tokens;

/// <summary>The HMAC-SHA256 key this silo signs and checks bearer tokens with, and where it came from.</summary>
public sealed class TokenSigningKey
{
    private TokenSigningKey(byte[] bytes, string origin, bool generated)
    {
        // The key id is a digest, not the key: it lets a later key rotation tell tokens apart without revealing anything.
        var id = Convert.ToHexStringLower(SHA256.HashData(bytes).AsSpan(0, 8));
        Key = new SymmetricSecurityKey(bytes) { KeyId = id };
        Origin = origin;
        Generated = generated;
    }

    /// <summary>The <see cref="Origin"/> of a key taken from <c>CommerceBrain:Identity:SigningKey</c>.</summary>
    public const string ConfigurationOrigin = "configuration";

    /// <summary>The key for token handlers.</summary>
    public SymmetricSecurityKey Key { get; }

    /// <summary>The key id (<c>kid</c>): the first 8 bytes of the key's SHA-256, hex.</summary>
    public string KeyId => Key.KeyId;

    /// <summary>"configuration", or the path of the key file in the data directory.</summary>
    public string Origin { get; }

    /// <summary>True when this start generated the key (and stored it).</summary>
    public bool Generated { get; }

    /// <summary>Signing credentials for new tokens.</summary>
    public SigningCredentials Credentials => new(Key, SecurityAlgorithms.HmacSha256);

    /// <summary>Reads a base64 key; null when <paramref name="base64"/> is not base64 or shorter than 32 bytes.</summary>
    public static TokenSigningKey? TryFromBase64(string base64, string origin, bool generated = false)
    {
        ArgumentNullException.ThrowIfNull(base64);
        var buffer = new byte[base64.Length];
        if (!Convert.TryFromBase64String(base64.Trim(), buffer, out var written) || written < BearerTokens.MinKeyBytes)
        {
            return null;
        }

        return new TokenSigningKey(buffer[..written], origin, generated);
    }

    /// <summary>A fresh random key of <paramref name="bytes"/> bytes (not stored; see <see cref="SigningKeyStore"/>).</summary>
    public static TokenSigningKey Generate(string origin, int bytes = 64) =>
        new(RandomNumberGenerator.GetBytes(Math.Max(bytes, BearerTokens.MinKeyBytes)), origin, generated: true);

    /// <summary>The key as base64, for storing it.</summary>
    internal string ToBase64() => Convert.ToBase64String(Key.Key);
}
