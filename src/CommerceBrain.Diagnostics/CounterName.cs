using System.Buffers;

namespace CommerceBrain.Diagnostics;

/// <summary>Rules for diagnostics counter names: 1–64 characters of ASCII letters, digits, '.', '_' and '-'.</summary>
public static class CounterName
{
    /// <summary>The longest accepted name.</summary>
    public const int MaxLength = 64;

    private static readonly SearchValues<char> Allowed =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-");

    /// <summary>Returns null for a valid name, otherwise what is wrong with it.</summary>
    public static string? Validate(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return "A counter name is required.";
        }

        if (name.Length > MaxLength)
        {
            return $"A counter name has at most {MaxLength} characters; this one has {name.Length}.";
        }

        return name.AsSpan().ContainsAnyExcept(Allowed)
            ? "A counter name may contain only ASCII letters, digits, '.', '_' and '-'."
            : null;
    }
}
