using System.Globalization;
using CommerceBrain.Actors;
using CommerceBrain.Actors.Persistence;

namespace CommerceBrain.Storage;

/// <summary>ETags are the row version as invariant decimal text.</summary>
internal static class GrainStateEtag
{
    public static string Format(long version) => version.ToString(CultureInfo.InvariantCulture);

    public static bool TryParse(string etag, out long version) =>
        long.TryParse(etag, NumberStyles.None, CultureInfo.InvariantCulture, out version) && version > 0;

    public static void Validate(GrainId grainId, string stateName)
    {
        ArgumentException.ThrowIfNullOrEmpty(grainId.Type, nameof(grainId));
        ArgumentNullException.ThrowIfNull(grainId.Key, nameof(grainId));
        ArgumentException.ThrowIfNullOrEmpty(stateName);
    }

    public static InconsistentStateException Conflict(string operation, GrainId grainId, string stateName, long? storedVersion, string? presentedEtag)
    {
        StorageTelemetry.GrainStateConflicts.Add(1);
        var stored = storedVersion is { } v ? Format(v) : null;
        var reason = (stored, presentedEtag) switch
        {
            (null, null) => "no record exists",
            (null, _) => "no record exists, but an ETag was presented",
            (_, null) => $"a record already exists with ETag {stored}, but no ETag was presented",
            _ => $"the stored ETag is {stored} but {presentedEtag} was presented",
        };
        return new InconsistentStateException(
            $"Cannot {operation} state '{stateName}' of grain {grainId}: {reason}. Nothing was changed; re-read the state and retry.",
            stored,
            presentedEtag);
    }
}
