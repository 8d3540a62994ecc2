namespace CommerceBrain.Load.Simulations;

/// <summary>How a planned stretch runs.</summary>
internal enum SegmentModel
{
    /// <summary>Nothing runs.</summary>
    Pause,

    /// <summary>A scheduler releases iterations at their intended times.</summary>
    Open,

    /// <summary>A number of copies loop.</summary>
    Closed,
}
