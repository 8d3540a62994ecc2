using System.Buffers;
using System.Text;
using CommerceBrain.Inference.Contracts;

namespace CommerceBrain.Inference.Batching;

/// <summary>
/// Turns requests into one batched run and back: checks each request against the model's inputs, stacks rows along a
/// new leading batch dimension (padding variable-length rows with 0), and slices each output per request.
/// </summary>
internal static class BatchAssembler
{
    /// <summary>Checks a request against the session; sets its signature, or returns why it cannot run.</summary>
    public static Exception? Validate(PendingRequest pending, OnnxSession session, string model)
    {
        var request = pending.Request;
        var signature = new StringBuilder();
        foreach (var input in session.Inputs)
        {
            if (!pending.TryGetRow(input.Name, out var row))
                return new ArgumentException(
                    $"The request for model '{model}' lacks input '{input.Name}'; the model's inputs are: {string.Join(", ", session.InputNames)}.");
            if (row.ElementType != input.ElementType)
                return new ArgumentException(
                    $"Input '{input.Name}' of model '{model}' takes {input.ElementType} values, not {row.ElementType}.");
            var dims = input.Dimensions;
            if (dims.Count != row.Shape.Count + 1)
                return new ArgumentException(
                    $"Input '{input.Name}' of model '{model}' has shape [{Format(dims)}] (batch first), so a row needs {dims.Count - 1} dimension(s); this row has shape [{string.Join(", ", row.Shape)}].");
            for (var d = 1; d < dims.Count; d++)
            {
                if (dims[d] < 0 || (row.IsPadded && d == 1 && row.Shape[0] <= dims[1]))
                    continue;
                if (dims[d] != row.Shape[d - 1])
                    return new ArgumentException(
                        $"Input '{input.Name}' of model '{model}' has shape [{Format(dims)}]; this row has shape [{string.Join(", ", row.Shape)}].");
            }
            signature.Append(input.Name).Append(':');
            if (row.IsPadded)
                signature.Append('P');
            else
                signature.AppendJoin('x', row.Shape);
            signature.Append(';');
        }
        if (request.Inputs.Count != session.Inputs.Count)
        {
            var extra = request.Inputs.Select(r => r.Name).Except(session.InputNames).ToArray();
            return new ArgumentException(
                $"Model '{model}' has no input(s) {string.Join(", ", extra)}; its inputs are: {string.Join(", ", session.InputNames)}.");
        }
        if (request.Outputs is { } outputs)
        {
            foreach (var name in outputs)
                if (!session.OutputNames.Contains(name))
                    return new ArgumentException(
                        $"Model '{model}' has no output '{name}'; its outputs are: {string.Join(", ", session.OutputNames)}.");
            signature.Append("->").AppendJoin(',', outputs);
        }
        pending.Signature = signature.ToString();
        return null;
    }

    /// <summary>The largest batch the graph accepts: its smallest fixed leading dimension, or unlimited.</summary>
    public static int MaxBatchOf(OnnxSession session)
    {
        var limit = int.MaxValue;
        foreach (var input in session.Inputs)
            if (input.Dimensions.Count > 0 && input.Dimensions[0] > 0)
                limit = (int)Math.Min(limit, input.Dimensions[0]);
        return limit;
    }

    /// <summary>
    /// Runs the requests (all with one signature) as one batch and returns each one's result, in order. Cancelling
    /// <paramref name="terminable"/>'s token terminates the run inside ORT (<see cref="OperationCanceledException"/>).
    /// </summary>
    public static InferenceResult[] Run(IReadOnlyList<PendingRequest> group, ModelLeaseView lease, TerminableRun terminable)
    {
        var session = lease.Session;
        var inputs = new TensorInput[session.Inputs.Count];
        var rented = new List<Action>(inputs.Length);
        try
        {
            for (var i = 0; i < inputs.Length; i++)
            {
                var metadata = session.Inputs[i];
                inputs[i] = metadata.ElementType switch
                {
                    TensorElementType.Float => Stack<float>(group, metadata, rented, (n, m, s) => TensorInput.Float(n, m, s)),
                    TensorElementType.Int64 => Stack<long>(group, metadata, rented, (n, m, s) => TensorInput.Int64(n, m, s)),
                    TensorElementType.Int32 => Stack<int>(group, metadata, rented, (n, m, s) => TensorInput.Int32(n, m, s)),
                    _ => throw new NotSupportedException(
                        $"Input '{metadata.Name}' of model '{lease.Model}' takes {metadata.ElementType} values; batching supports float, int64 and int32."),
                };
            }
            // The stacked buffers are handed to ORT as they are (pinned, not copied) and returned after the run.
            var outputs = session.RunWith(inputs, group[0].Request.Outputs, terminable);
            return Split(group.Count, outputs, lease);
        }
        finally
        {
            foreach (var giveBack in rented)
                giveBack();
        }
    }

    static TensorInput Stack<T>(
        IReadOnlyList<PendingRequest> group,
        TensorMetadata metadata,
        List<Action> rented,
        Func<string, ReadOnlyMemory<T>, long[], TensorInput> create)
    {
        var first = group[0].Row(metadata.Name);
        var batch = group.Count;
        long[] shape;
        int rowLength;
        if (first.IsPadded)
        {
            // Pad to the graph's fixed length if it has one, else to the longest row in this batch (at least 1, so
            // a batch of empty sequences is still a valid tensor of padding).
            rowLength = metadata.Dimensions[1] > 0
                ? (int)metadata.Dimensions[1]
                : Math.Max(1, group.Max(p => p.Row(metadata.Name).Data.Length));
            shape = [batch, rowLength];
        }
        else
        {
            rowLength = first.Data.Length;
            shape = [batch, .. first.Shape];
        }

        var buffer = ArrayPool<T>.Shared.Rent(batch * rowLength);
        rented.Add(() => ArrayPool<T>.Shared.Return(buffer));
        var span = buffer.AsSpan(0, batch * rowLength);
        if (first.IsPadded)
            span.Clear();
        for (var k = 0; k < batch; k++)
        {
            var values = (T[])group[k].Row(metadata.Name).Data;
            values.CopyTo(span.Slice(k * rowLength, rowLength));
        }
        return create(metadata.Name, buffer.AsMemory(0, batch * rowLength), shape);
    }

    static InferenceResult[] Split(int batch, IReadOnlyList<TensorOutput> outputs, ModelLeaseView lease)
    {
        var perRequest = new OutputRow[batch][];
        for (var k = 0; k < batch; k++)
            perRequest[k] = new OutputRow[outputs.Count];
        for (var o = 0; o < outputs.Count; o++)
        {
            var output = outputs[o];
            if (output.Shape.Count == 0 || output.Shape[0] != batch)
                throw new InvalidOperationException(
                    $"Output '{output.Name}' of model '{lease.Model}' has shape [{string.Join(", ", output.Shape)}], which does not lead with the batch size {batch}; it cannot be split per request.");
            var rowShape = output.Shape.Skip(1).ToArray();
            var rowLength = output.Length / batch;
            var source = output.RawData;
            var elementType = source.GetType().GetElementType()!;
            for (var k = 0; k < batch; k++)
            {
                var row = Array.CreateInstance(elementType, rowLength);
                Array.Copy(source, k * rowLength, row, 0, rowLength);
                perRequest[k][o] = new OutputRow(output.Name, output.ElementType, rowShape, row);
            }
        }
        return perRequest.Select(rows => new InferenceResult(lease.Model, lease.Version, rows)).ToArray();
    }

    static string Format(IReadOnlyList<long> dims) => string.Join(", ", dims.Select(d => d < 0 ? "?" : d.ToString(System.Globalization.CultureInfo.InvariantCulture)));
}

/// <summary>What a batch run needs to know about the leased model version.</summary>
internal readonly record struct ModelLeaseView(string Model, string Version, OnnxSession Session);
