namespace CommerceBrain.Load.Double11.Api;

/// <summary>A line of a session's transcript or of a stream event (<see cref="Author"/>: customer, bot, agent, system).</summary>
public sealed record TranscriptLine(long Seq, string Author, string Text, long EventId);
