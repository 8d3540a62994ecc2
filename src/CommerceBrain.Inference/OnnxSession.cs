using System.Buffers;
using System.Runtime.InteropServices;
using System.Text;
using CommerceBrain.Inference.Native;

namespace CommerceBrain.Inference;

/// <summary>
/// One loaded ONNX model on the CPU. <see cref="Run"/> is safe to call from many threads at once (ORT sessions are
/// thread-safe for Run); disposing waits for no one but releases the native session only after the last running call
/// returns, because each call holds a reference on the handle.
/// </summary>
public sealed unsafe class OnnxSession : IDisposable
{
    const int OnnxTypeTensor = 1;
    const int ExecutionModeSequential = 0;

    readonly OrtEnvironment ort;
    readonly OrtSessionHandle session;
    readonly Dictionary<string, int> inputIndex;
    readonly Dictionary<string, int> outputIndex;
    readonly nint* inputNamePointers;
    readonly nint* outputNamePointers;

    OnnxSession(OrtEnvironment ort, OrtSessionHandle session, string source)
    {
        this.ort = ort;
        this.session = session;
        Source = source;
        Inputs = ReadMetadata(isInput: true);
        Outputs = ReadMetadata(isInput: false);
        InputNames = Inputs.Select(i => i.Name).ToArray();
        OutputNames = Outputs.Select(o => o.Name).ToArray();
        inputIndex = IndexOf(InputNames);
        outputIndex = IndexOf(OutputNames);

        // One native block holds both pointer arrays and the NUL-terminated UTF-8 names, so Run marshals nothing.
        var names = InputNames.Concat(OutputNames).Select(n => Encoding.UTF8.GetBytes(n + "\0")).ToArray();
        var pointerBytes = names.Length * sizeof(nint);
        var block = (byte*)NativeMemory.Alloc((nuint)(pointerBytes + names.Sum(n => n.Length)));
        session.NameBlock = (nint)block;
        var pointers = (nint*)block;
        var cursor = block + pointerBytes;
        for (var i = 0; i < names.Length; i++)
        {
            names[i].CopyTo(new Span<byte>(cursor, names[i].Length));
            pointers[i] = (nint)cursor;
            cursor += names[i].Length;
        }
        inputNamePointers = pointers;
        outputNamePointers = pointers + InputNames.Count;
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
    public bool IsDisposed => session.IsClosed;

    /// <summary>The ONNX Runtime library's version string.</summary>
    public static string RuntimeVersion => OrtApi.Instance.Version;

    /// <summary>Loads a model file.</summary>
    /// <exception cref="OnnxRuntimeException">The file is missing, unreadable or not a valid model (ORT's code and message).</exception>
    /// <exception cref="OnnxRuntimeNotFoundException">The native library is unavailable.</exception>
    public static OnnxSession FromFile(string path, OnnxSessionSettings? settings = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var ort = OrtEnvironment.Instance;
        var fullPath = Path.GetFullPath(path);
        using var options = CreateOptions(ort.Api, settings ?? OnnxSessionSettings.Default);
        nint created = 0;
        var context = $"Loading model '{fullPath}'";
        if (OperatingSystem.IsWindows())
        {
            fixed (char* widePath = fullPath)
                ort.Api.Check(ort.Api.CreateSession(ort.Env.Value, widePath, options.Value, &created), context);
        }
        else
        {
            fixed (byte* utf8Path = Encoding.UTF8.GetBytes(fullPath + "\0"))
                ort.Api.Check(ort.Api.CreateSession(ort.Env.Value, utf8Path, options.Value, &created), context);
        }
        return Wrap(ort, created, fullPath);
    }

    /// <summary>Loads a model from its serialized bytes (an ONNX <c>ModelProto</c>).</summary>
    /// <exception cref="ArgumentException">The byte span is empty.</exception>
    /// <exception cref="OnnxRuntimeException">The bytes are not a valid model (ORT's code and message).</exception>
    public static OnnxSession FromBytes(ReadOnlySpan<byte> model, OnnxSessionSettings? settings = null, string? source = null)
    {
        if (model.IsEmpty)
            throw new ArgumentException("The model bytes are empty.", nameof(model));
        var ort = OrtEnvironment.Instance;
        using var options = CreateOptions(ort.Api, settings ?? OnnxSessionSettings.Default);
        nint created = 0;
        source ??= $"{model.Length} bytes";
        fixed (byte* bytes = model)
            ort.Api.Check(
                ort.Api.CreateSessionFromArray(ort.Env.Value, bytes, (nuint)model.Length, options.Value, &created),
                $"Loading model from {source}");
        return Wrap(ort, created, source);
    }

    /// <summary>
    /// Runs the model once. Every input is fed without copying; outputs are copied into managed arrays and returned in
    /// the order of <paramref name="outputNames"/> (all graph outputs in declaration order when null).
    /// </summary>
    /// <exception cref="ArgumentException">An input or output name is unknown or repeated.</exception>
    /// <exception cref="OnnxRuntimeException">ORT rejected the run, e.g. a wrong shape or element type (ORT's message).</exception>
    /// <exception cref="ObjectDisposedException">The session was disposed.</exception>
    public IReadOnlyList<TensorOutput> Run(IReadOnlyList<TensorInput> inputs, IReadOnlyList<string>? outputNames = null)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        var outputCount = outputNames?.Count ?? OutputNames.Count;
        var inputCount = inputs.Count;

        var inNames = new nint[inputCount];
        var inValues = new nint[inputCount];
        var outNames = new nint[outputCount];
        var outValues = new nint[outputCount];
        var pins = ArrayPool<MemoryHandle>.Shared.Rent(inputCount);
        var addedRef = false;
        var pinned = 0;
        try
        {
            session.DangerousAddRef(ref addedRef);
            for (var i = 0; i < inputCount; i++)
            {
                var input = inputs[i] ?? throw new ArgumentNullException(nameof(inputs), "An input is null.");
                inNames[i] = inputNamePointers[ResolveInput(input.Name, inputs, i)];
                pins[i] = input.Pin();
                pinned++;
                inValues[i] = CreateTensor(input, pins[i].Pointer);
            }
            for (var o = 0; o < outputCount; o++)
                outNames[o] = outputNamePointers[outputNames is null ? o : ResolveOutput(outputNames, o)];

            fixed (nint* inNamesPtr = inNames, inValuesPtr = inValues, outNamesPtr = outNames, outValuesPtr = outValues)
                ort.Api.Check(
                    ort.Api.Run(session.Value, 0, inNamesPtr, inValuesPtr, (nuint)inputCount, outNamesPtr, (nuint)outputCount, outValuesPtr),
                    $"Running model {Source}");

            var results = new TensorOutput[outputCount];
            for (var o = 0; o < outputCount; o++)
                results[o] = ReadOutput(outputNames?[o] ?? OutputNames[o], outValues[o]);
            return results;
        }
        finally
        {
            foreach (var value in outValues)
                if (value != 0)
                    ort.Api.ReleaseValue(value);
            foreach (var value in inValues)
                if (value != 0)
                    ort.Api.ReleaseValue(value);
            for (var i = 0; i < pinned; i++)
                pins[i].Dispose();
            ArrayPool<MemoryHandle>.Shared.Return(pins, clearArray: true);
            if (addedRef)
                session.DangerousRelease();
        }
    }

    /// <summary>Releases the native session once no <see cref="Run"/> is in flight.</summary>
    public void Dispose() => session.Dispose();

    /// <inheritdoc />
    public override string ToString() => $"OnnxSession({Source})";

    int ResolveInput(string name, IReadOnlyList<TensorInput> inputs, int position)
    {
        if (!inputIndex.TryGetValue(name, out var index))
            throw new ArgumentException(
                $"Model {Source} has no input named '{name}'; its inputs are: {string.Join(", ", InputNames)}.", nameof(inputs));
        for (var j = 0; j < position; j++)
            if (inputs[j].Name == name)
                throw new ArgumentException($"Input '{name}' is given twice.", nameof(inputs));
        return index;
    }

    int ResolveOutput(IReadOnlyList<string> names, int position)
    {
        var name = names[position];
        if (!outputIndex.TryGetValue(name, out var index))
            throw new ArgumentException(
                $"Model {Source} has no output named '{name}'; its outputs are: {string.Join(", ", OutputNames)}.", "outputNames");
        for (var j = 0; j < position; j++)
            if (names[j] == name)
                throw new ArgumentException($"Output '{name}' is requested twice.", "outputNames");
        return index;
    }

    nint CreateTensor(TensorInput input, void* data)
    {
        var rank = input.Shape.Count;
        var shape = stackalloc long[Math.Max(rank, 1)];
        for (var d = 0; d < rank; d++)
            shape[d] = input.Shape[d];
        // ORT wants a non-null pointer even for an empty tensor.
        long empty = 0;
        if (data is null)
            data = &empty;
        nint value = 0;
        ort.Api.Check(
            ort.Api.CreateTensorWithDataAsOrtValue(
                ort.CpuMemory.Value, data, (nuint)input.ByteLength, shape, (nuint)rank, (int)input.ElementType, &value),
            $"Creating input tensor '{input.Name}'");
        return value;
    }

    TensorOutput ReadOutput(string name, nint value)
    {
        var api = ort.Api;
        int valueType;
        api.Check(api.GetValueType(value, &valueType));
        if (valueType != OnnxTypeTensor)
            throw new NotSupportedException($"Output '{name}' of model {Source} is not a tensor (ONNX type {valueType}).");

        nint info = 0;
        int elementType;
        nuint rank, count;
        long[] shape;
        api.Check(api.GetTensorTypeAndShape(value, &info));
        try
        {
            api.Check(api.GetTensorElementType(info, &elementType));
            api.Check(api.GetDimensionsCount(info, &rank));
            shape = new long[(int)rank];
            fixed (long* dims = shape)
                api.Check(api.GetDimensions(info, dims, rank));
            api.Check(api.GetTensorShapeElementCount(info, &count));
        }
        finally
        {
            api.ReleaseTensorTypeAndShapeInfo(info);
        }

        var type = (TensorElementType)elementType;
        Array data = type switch
        {
            TensorElementType.Float => new float[(int)count],
            TensorElementType.Double => new double[(int)count],
            TensorElementType.Int64 => new long[(int)count],
            TensorElementType.Int32 => new int[(int)count],
            TensorElementType.Bool => new bool[(int)count],
            TensorElementType.UInt8 => new byte[(int)count],
            TensorElementType.Int8 => new sbyte[(int)count],
            _ => throw new NotSupportedException($"Output '{name}' of model {Source} has unsupported element type {type}."),
        };
        if (count > 0)
        {
            void* source;
            api.Check(api.GetTensorMutableData(value, &source));
            var bytes = (int)count * Marshal.SizeOf(data.GetType().GetElementType()!);
            ref var target = ref MemoryMarshal.GetArrayDataReference(data);
            new ReadOnlySpan<byte>(source, bytes).CopyTo(MemoryMarshal.CreateSpan(ref target, bytes));
        }
        return new TensorOutput(name, type, shape, data);
    }

    TensorMetadata[] ReadMetadata(bool isInput)
    {
        var api = ort.Api;
        nuint count;
        api.Check(isInput ? api.SessionGetInputCount(session.Value, &count) : api.SessionGetOutputCount(session.Value, &count));
        var result = new TensorMetadata[(int)count];
        for (nuint i = 0; i < count; i++)
        {
            byte* rawName = null;
            api.Check(isInput
                ? api.SessionGetInputName(session.Value, i, ort.DefaultAllocator, &rawName)
                : api.SessionGetOutputName(session.Value, i, ort.DefaultAllocator, &rawName));
            string name;
            try
            {
                name = Marshal.PtrToStringUTF8((nint)rawName) ?? string.Empty;
            }
            finally
            {
                // Names come from ORT's allocator and go back to the same allocator.
                api.Check(api.AllocatorFree(ort.DefaultAllocator, rawName));
            }

            nint typeInfo = 0;
            api.Check(isInput
                ? api.SessionGetInputTypeInfo(session.Value, i, &typeInfo)
                : api.SessionGetOutputTypeInfo(session.Value, i, &typeInfo));
            try
            {
                int onnxType;
                api.Check(api.GetOnnxTypeFromTypeInfo(typeInfo, &onnxType));
                nint tensorInfo = 0;
                if (onnxType == OnnxTypeTensor)
                    api.Check(api.CastTypeInfoToTensorInfo(typeInfo, &tensorInfo));
                if (tensorInfo == 0)
                {
                    result[(int)i] = new TensorMetadata(name, TensorElementType.Undefined, []);
                    continue;
                }
                // The tensor info belongs to the type info; only the type info is released.
                int elementType;
                nuint rank;
                api.Check(api.GetTensorElementType(tensorInfo, &elementType));
                api.Check(api.GetDimensionsCount(tensorInfo, &rank));
                var dims = new long[(int)rank];
                fixed (long* dimsPtr = dims)
                    api.Check(api.GetDimensions(tensorInfo, dimsPtr, rank));
                result[(int)i] = new TensorMetadata(name, (TensorElementType)elementType, dims);
            }
            finally
            {
                api.ReleaseTypeInfo(typeInfo);
            }
        }
        return result;
    }

    static Dictionary<string, int> IndexOf(IReadOnlyList<string> names)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < names.Count; i++)
            index[names[i]] = i;
        return index;
    }

    static OnnxSession Wrap(OrtEnvironment ort, nint created, string source)
    {
        var handle = OrtHandle.Own<OrtSessionHandle>(created);
        try
        {
            return new OnnxSession(ort, handle, source);
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    static OrtSessionOptionsHandle CreateOptions(OrtApi api, OnnxSessionSettings settings)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(settings.IntraOpThreads);
        ArgumentOutOfRangeException.ThrowIfNegative(settings.InterOpThreads);
        nint created = 0;
        api.Check(api.CreateSessionOptions(&created), "Creating session options");
        var options = OrtHandle.Own<OrtSessionOptionsHandle>(created);
        try
        {
            api.Check(api.SetIntraOpNumThreads(created, settings.IntraOpThreads), "Setting intra-op threads");
            api.Check(api.SetInterOpNumThreads(created, settings.InterOpThreads), "Setting inter-op threads");
            api.Check(api.SetSessionExecutionMode(created, ExecutionModeSequential), "Setting execution mode");
            api.Check(api.SetSessionGraphOptimizationLevel(created, (int)settings.OptimizationLevel), "Setting graph optimisation level");
            fixed (byte* key = "session.intra_op.allow_spinning\0"u8, value = settings.AllowSpinning ? "1\0"u8 : "0\0"u8)
                api.Check(api.AddSessionConfigEntry(created, key, value), "Setting intra-op spinning");
            return options;
        }
        catch
        {
            options.Dispose();
            throw;
        }
    }
}
