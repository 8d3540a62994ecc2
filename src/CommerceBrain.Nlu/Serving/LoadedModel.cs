namespace CommerceBrain.Nlu.Serving;

/// <summary>A model the silo serves.</summary>
/// <param name="Name">The model's name (<c>intents</c>, <c>faq-encoder</c>).</param>
/// <param name="Kind">The manifest kind (<c>intent-classifier</c>, <c>text-encoder</c>).</param>
/// <param name="Version">First 16 hex digits of the SHA-256 of its <c>model.onnx</c>.</param>
/// <param name="Engine">What runs it: <c>onnxruntime</c> (micro-batched through CommerceBrain.Inference) or <c>csharp</c>.</param>
/// <param name="LoadedAt">When this silo loaded it.</param>
public sealed record LoadedModel(string Name, string Kind, string Version, string Engine, DateTimeOffset LoadedAt);
