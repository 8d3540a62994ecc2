using Ort = Microsoft.ML.OnnxRuntime;

namespace CommerceBrain.Inference;

/// <summary>
/// One loaded ONNX model on the CPU, over ONNX Runtime's <see cref="Ort.InferenceSession"/>. <see cref="Run"/> is safe to
/// call from many threads at once (ORT sessions are thread-safe for Run). Disposing waits for no one, but the native
/// session is released only after the last running call returns: each call holds a reference on it, because
/// <see cref="Ort.InferenceSession.Dispose()"/> itself frees the session under a running call.
/// </summary>
public sealed class OnnxSession : IDisposable
{
    readonly Ort.InferenceSession session;
    readonly Dictionary<string, int> inputIndex;
    readonly Dictionary<string, int> outputIndex;
    readonly string[] allOutputNames;
    int references = 1; // the owner's, until Dispose; plus one per running Run
    int disposed;

    OnnxSession(Ort.InferenceSession session, string source)
    {
        this.session = session;
        Source = source;
        Inputs = session.InputNames.Select(n => Describe(n, session.InputMetadata[n])).ToArray();
        Outputs = session.OutputNames.Select(n => Describe(n, session.OutputMetadata[n])).ToArray();
        InputNames = Inputs.Select(i => i.Name).ToArray();
        allOutputNames = Outputs.Select(o => o.Name).ToArray();
        OutputNames = allOutputNames;
        inputIndex = IndexOf(InputNames);
        outputIndex = IndexOf(OutputNames);
    }

    /// <summary>Where the model came from (a file path, or a description for bytes); used in error messages.</summary>
    public string Source { get; }

    /// <summary>The graph's inputs in declaration order.</summary>
    public IReadOnlyList<TensorMetadata> Inputs { get; }

    /// <summary>The graph's outputs in declaration order.</summary>
    public IReadOnlyList<TensorMetadata> Outputs { get; }

    /// <summary>The input names in declaration order.</summary>
    public IReadOnlyList<string> InputNames { get; }

    /// <summary>The output names in declaration order.</summary>
    public IReadOnlyList<string> OutputNames { get; }

    /// <summary>Whether <see cref="Dispose"/> was called (the native session may still be finishing a run).</summary>
    public bool IsDisposed => Volatile.Read(ref disposed) != 0;

    /// <summary>The ONNX Runtime library's version string, e.g. "1.31.1".</summary>
    /// <exception cref="OnnxRuntimeNotFoundException">The native library is unavailable.</exception>
    public static string RuntimeVersion => OrtRuntime.Call(static () => OrtRuntime.Environment.GetVersionString());

    /// <summary>Loads a model file.</summary>
    /// <exception cref="OnnxRuntimeException">The file is missing, unreadable or not a valid model (ORT's code and message).</exception>
    /// <exception cref="OnnxRuntimeNotFoundException">The native library is unavailable.</exception>
    public static OnnxSession FromFile(string path, OnnxSessionSettings? settings = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var fullPath = Path.GetFullPath(path);
        return Create(options => new Ort.InferenceSession(fullPath, options), settings, fullPath, $"Loading model '{fullPath}'");
    }

    /// <summary>Loads a model from its serialized bytes (an ONNX <c>ModelProto</c>).</summary>
    /// <exception cref="ArgumentException">The byte span is empty.</exception>
    /// <exception cref="OnnxRuntimeException">The bytes are not a valid model (ORT's code and message).</exception>
    /// <exception cref="OnnxRuntimeNotFoundException">The native library is unavailable.</exception>
    public static OnnxSession FromBytes(ReadOnlySpan<byte> model, OnnxSessionSettings? settings = null, string? source = null)
    {
        if (model.IsEmpty)
            throw new ArgumentException("The model bytes are empty.", nameof(model));
        source ??= $"{model.Length} bytes";
        // The managed API takes an array; ORT copies what it needs while loading, so this copy lives only as long.
        var bytes = model.ToArray();
        return Create(options => new Ort.InferenceSession(bytes, options), settings, source, $"Loading model from {source}");
    }

    /// <summary>
    /// Runs the model once. Every input is fed without copying (ORT reads the caller's pinned memory); outputs are copied
    /// into managed arrays and returned in the order of <paramref name="outputNames"/> (all graph outputs in declaration
    /// order when null). Cancelling <paramref name="cancellationToken"/> terminates a run in progress (ORT's
    /// <c>RunOptions.Terminate</c>, checked between graph nodes).
    /// </summary>
    /// <exception cref="ArgumentException">An input or output name is unknown or repeated.</exception>
    /// <exception cref="OnnxRuntimeException">ORT rejected the run, e.g. a wrong shape or element type (ORT's message).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled before or during the run.</exception>
    /// <exception cref="ObjectDisposedException">The session was disposed.</exception>
    public IReadOnlyList<TensorOutput> Run(
        IReadOnlyList<TensorInput> inputs, IReadOnlyList<string>? outputNames = null, CancellationToken cancellationToken = default)
    {
        if (!cancellationToken.CanBeCanceled)
            return RunWith(inputs, outputNames, OrtRuntime.SharedRunOptions, cancellationToken);
        // Options of its own: Terminate is per RunOptions, and the shared ones must never be terminated.
        using var terminable = new TerminableRun(cancellationToken);
        return RunWith(inputs, outputNames, terminable);
    }

    /// <summary>Runs with options that a caller reuses across runs (see <see cref="TerminableRun"/>).</summary>
    internal IReadOnlyList<TensorOutput> RunWith(IReadOnlyList<TensorInput> inputs, IReadOnlyList<string>? outputNames, TerminableRun terminable) =>
        RunWith(inputs, outputNames, terminable.Options, terminable.Token);

    TensorOutput[] RunWith(IReadOnlyList<TensorInput> inputs, IReadOnlyList<string>? outputNames, Ort.RunOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        cancellationToken.ThrowIfCancellationRequested();
        var names = new string[inputs.Count];
        for (var i = 0; i < names.Length; i++)
        {
            var input = inputs[i] ?? throw new ArgumentNullException(nameof(inputs), "An input is null.");
            ResolveInput(input.Name, inputs, i);
            names[i] = input.Name;
        }
        var wanted = outputNames is null ? allOutputNames : ResolveOutputs(outputNames);

        if (!TryAddReference())
            throw new ObjectDisposedException(ToString());
        var values = new Ort.OrtValue[names.Length];
        try
        {
            for (var i = 0; i < values.Length; i++)
                values[i] = inputs[i].CreateValue();
            return RunCore(names, values, wanted, options, cancellationToken);
        }
        finally
        {
            // Unpins the callers' buffers; the native values only borrowed them.
            foreach (var value in values)
                value?.Dispose();
            Release();
        }
    }

    /// <summary>Releases the native session once no <see cref="Run"/> is in flight.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 0)
            Release();
    }

    /// <inheritdoc />
    public override string ToString() => $"OnnxSession({Source})";

    TensorOutput[] RunCore(string[] names, Ort.OrtValue[] values, string[] wanted, Ort.RunOptions options, CancellationToken cancellationToken)
    {
        try
        {
            using var results = session.Run(options, names, values, wanted);
            var outputs = new TensorOutput[wanted.Length];
            for (var o = 0; o < outputs.Length; o++)
                outputs[o] = TensorOutput.CopyFrom(wanted[o], results[o], Source);
            return outputs;
        }
        catch (Ort.OnnxRuntimeException ex) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException($"The run of model {Source} was cancelled.", ex, cancellationToken);
        }
        catch (Ort.OnnxRuntimeException ex)
        {
            throw OrtRuntime.Translate(ex, $"Running model {Source}");
        }
    }

    bool TryAddReference()
    {
        if (IsDisposed)
            return false;
        return RefCount.TryIncrement(ref references);
    }

    void Release()
    {
        if (Interlocked.Decrement(ref references) == 0)
            session.Dispose();
    }

    void ResolveInput(string name, IReadOnlyList<TensorInput> inputs, int position)
    {
        if (!inputIndex.ContainsKey(name))
            throw new ArgumentException(
                $"Model {Source} has no input named '{name}'; its inputs are: {string.Join(", ", InputNames)}.", nameof(inputs));
        for (var j = 0; j < position; j++)
            if (inputs[j].Name == name)
                throw new ArgumentException($"Input '{name}' is given twice.", nameof(inputs));
    }

    string[] ResolveOutputs(IReadOnlyList<string> names)
    {
        var resolved = new string[names.Count];
        for (var position = 0; position < resolved.Length; position++)
        {
            var name = names[position];
            if (name is null || !outputIndex.ContainsKey(name))
                throw new ArgumentException(
                    $"Model {Source} has no output named '{name}'; its outputs are: {string.Join(", ", OutputNames)}.", "outputNames");
            for (var j = 0; j < position; j++)
                if (resolved[j] == name)
                    throw new ArgumentException($"Output '{name}' is requested twice.", "outputNames");
            resolved[position] = name;
        }
        return resolved;
    }

    static TensorMetadata Describe(string name, Ort.NodeMetadata metadata) =>
        metadata.IsTensor
            ? new TensorMetadata(name, (TensorElementType)(int)metadata.ElementDataType, Array.ConvertAll(metadata.Dimensions, d => (long)d))
            : new TensorMetadata(name, TensorElementType.Undefined, []);

    static Dictionary<string, int> IndexOf(IReadOnlyList<string> names)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < names.Count; i++)
            index[names[i]] = i;
        return index;
    }

    static OnnxSession Create(Func<Ort.SessionOptions, Ort.InferenceSession> load, OnnxSessionSettings? settings, string source, string context)
    {
        settings ??= OnnxSessionSettings.Default;
        ArgumentOutOfRangeException.ThrowIfNegative(settings.IntraOpThreads);
        ArgumentOutOfRangeException.ThrowIfNegative(settings.InterOpThreads);
        return OrtRuntime.Call(() =>
        {
            Ort.InferenceSession session;
            using (var options = OrtRuntime.CreateOptions(settings))
            {
                try
                {
                    session = load(options);
                }
                catch (Ort.OnnxRuntimeException ex)
                {
                    throw OrtRuntime.Translate(ex, context);
                }
            }
            try
            {
                return new OnnxSession(session, source);
            }
            catch
            {
                session.Dispose();
                throw;
            }
        });
    }
}
