namespace CommerceBrain.Nlu.Text;

/// <summary>
/// 64-bit FNV-1a over the UTF-8 bytes of a string. Unlike <see cref="string.GetHashCode()"/> it is identical in every
/// process and on every machine, which hashed model features depend on.
/// </summary>
public static class StableHash
{
    /// <summary>FNV-1a 64 offset basis (the hash of the empty string).</summary>
    public const ulong OffsetBasis = 14695981039346656037UL;

    private const ulong Prime = 1099511628211UL;

    /// <summary>The FNV-1a 64 hash of the UTF-8 encoding of <paramref name="text"/>.</summary>
    public static ulong Fnv1a64(ReadOnlySpan<char> text) => Append(OffsetBasis, text);

    /// <summary>Continues a hash with one byte.</summary>
    public static ulong Append(ulong hash, byte value) => (hash ^ value) * Prime;

    /// <summary>Continues a hash with the UTF-8 bytes of <paramref name="text"/> (lone surrogates count as U+FFFD).</summary>
    public static ulong Append(ulong hash, ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            int cp = text[i];
            if (cp < 0x80)
            {
                hash = (hash ^ (uint)cp) * Prime;
                continue;
            }

            if (char.IsHighSurrogate((char)cp) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                cp = char.ConvertToUtf32((char)cp, text[i + 1]);
                i++;
            }
            else if (char.IsSurrogate((char)cp))
            {
                cp = 0xFFFD;
            }

            if (cp < 0x800)
            {
                hash = (hash ^ (uint)(0xC0 | (cp >> 6))) * Prime;
                hash = (hash ^ (uint)(0x80 | (cp & 0x3F))) * Prime;
            }
            else if (cp < 0x10000)
            {
                hash = (hash ^ (uint)(0xE0 | (cp >> 12))) * Prime;
                hash = (hash ^ (uint)(0x80 | ((cp >> 6) & 0x3F))) * Prime;
                hash = (hash ^ (uint)(0x80 | (cp & 0x3F))) * Prime;
            }
            else
            {
                hash = (hash ^ (uint)(0xF0 | (cp >> 18))) * Prime;
                hash = (hash ^ (uint)(0x80 | ((cp >> 12) & 0x3F))) * Prime;
                hash = (hash ^ (uint)(0x80 | ((cp >> 6) & 0x3F))) * Prime;
                hash = (hash ^ (uint)(0x80 | (cp & 0x3F))) * Prime;
            }
        }

        return hash;
    }
}
