namespace CommerceBrain.Actors;

/// <summary>Anything that has a grain identity: grain references, grain implementations and observer references.</summary>
public interface IAddressable;

/// <summary>Marker for grain interfaces. Methods must return <see cref="Task"/>, <see cref="Task{TResult}"/>,
/// <see cref="ValueTask"/> or <see cref="ValueTask{TResult}"/>.</summary>
public interface IGrain : IAddressable;

/// <summary>A grain keyed by a string, the only key kind this runtime supports.</summary>
public interface IGrainWithStringKey : IGrain;

/// <summary>Marker for observer interfaces: objects outside the grain world (for example a web socket session)
/// that grains call back through a reference made by <see cref="IGrainFactory.CreateObjectReference{T}"/>.</summary>
public interface IGrainObserver : IAddressable;
