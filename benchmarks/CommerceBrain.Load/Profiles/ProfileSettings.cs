namespace CommerceBrain.Load;

/// <summary>What the <c>run</c> command hands a profile.</summary>
/// <param name="Target">Base URL of the system under test; loopback or in --allow-target.</param>
/// <param name="Rate">Profile-defined rate (iterations/s); 0 when --rate was not given (the profile's default applies).</param>
/// <param name="Duration">Whole profile duration, within the run cap.</param>
/// <param name="Connections">Closed-model copies when the profile uses a closed model (http --connections); null = profile default.</param>
/// <param name="Path">http profile: the path to GET.</param>
/// <param name="Seed">Seed for every random choice of the run.</param>
/// <param name="JournalPath">Where acknowledged writes are appended (JSON lines); null = none.</param>
/// <param name="Options">Free-form --option key=value knobs.</param>
/// <param name="Handler">The shared, pooled <see cref="SocketsHttpHandler"/>; profiles wrap it in HttpClients with disposeHandler: false.</param>
public sealed record ProfileSettings(
    Uri Target,
    double Rate,
    TimeSpan Duration,
    int? Connections,
    string Path,
    int Seed,
    string? JournalPath,
    IReadOnlyDictionary<string, string> Options,
    HttpMessageHandler Handler);
