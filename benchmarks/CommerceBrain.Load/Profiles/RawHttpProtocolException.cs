namespace CommerceBrain.Load;

/// <summary>A response <see cref="RawHttpConnection"/> cannot read (the connection is dropped, the iteration fails).</summary>
public sealed class RawHttpProtocolException(string message) : IOException(message);
