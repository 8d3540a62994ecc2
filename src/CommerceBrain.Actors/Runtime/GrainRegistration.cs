namespace CommerceBrain.Actors.Runtime;

/// <summary>One grain interface served by one grain class; explicit registrations win over assembly scans.</summary>
internal sealed record GrainRegistration(Type InterfaceType, Type ImplementationType, bool IsExplicit);
