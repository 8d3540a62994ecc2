namespace CommerceBrain.Nlu.Contracts;

/// <summary>The silo's NLU models are not loaded yet (first start trains them); retry in a few seconds.</summary>
[GenerateSerializer]
[Alias("nlu.models-not-ready")]
public sealed class ModelsNotReadyException : Exception
{
    public ModelsNotReadyException()
        : base("The NLU models are still loading; retry in a few seconds.")
    {
    }

    public ModelsNotReadyException(string message)
        : base(message)
    {
    }

    public ModelsNotReadyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
