using CommerceBrain.Nlu.Models;

namespace CommerceBrain.Nlu.Onnx;

/// <summary>
/// ONNX export and import of <see cref="BagModel"/> networks. Graph contract (shared with CommerceBrain.Inference):
/// inputs <c>ids</c> int64 [batch, seq] (bucket ids, padding = bucket 0) and <c>weights</c> float [batch, seq]
/// (bag weights, 0 for padding); Gather(embedding, ids) (int8 rows: Gather(bucket_rows) first, Cast to float, weights
/// times Gather(embedding_scales)) → MatMul(Unsqueeze(weights, 1), rows) → Squeeze(1) =
/// <c>embedding</c> [batch, dim] → (MatMul + Add + Relu) → MatMul + Add → Softmax = <c>probabilities</c>
/// [batch, classes] for classifiers, or LpNormalization = <c>embedding</c> [batch, outputs] for encoders.
/// </summary>
public static class BagModelOnnx
{
    /// <summary>Name of the bucket-id input.</summary>
    public const string IdsInput = "ids";

    /// <summary>Name of the bag-weight input.</summary>
    public const string WeightsInput = "weights";

    /// <summary>Classifier output: calibrated class probabilities.</summary>
    public const string ProbabilitiesOutput = "probabilities";

    /// <summary>Classifier output: the embedding bag. Encoder output: the L2-normalised text embedding.</summary>
    public const string EmbeddingOutput = "embedding";

    /// <summary>Writes a classifier graph (outputs <c>probabilities</c> and <c>embedding</c>).</summary>
    public static void WriteClassifier(BagModel model, Stream stream, string doc) =>
        Build(model, encoder: false).WriteTo(stream, ProducerVersion, doc);

    /// <summary>Writes an encoder graph (output <c>embedding</c>, L2-normalised).</summary>
    public static void WriteEncoder(BagModel model, Stream stream, string doc) =>
        Build(model, encoder: true).WriteTo(stream, ProducerVersion, doc);

    /// <summary>Reads the weights of a graph written by this class, checking them against the expected shape.</summary>
    public static BagModel Read(OnnxModelReader onnx, int buckets, int dim, int hidden, int outputs)
    {
        BagModel model;
        if (onnx.HasInitializer(QuantizedTable))
        {
            var shape = onnx.Shape(QuantizedTable);
            if (shape.Length != 2 || shape[1] != dim || shape[0] < 1 || shape[0] > int.MaxValue)
            {
                throw new InvalidDataException($"'{onnx.Source}': initializer '{QuantizedTable}' has shape [{string.Join(',', shape)}], expected [rows,{dim}].");
            }

            var rows = (int)shape[0];
            try
            {
                model = new BagModel(new QuantizedEmbedding(dim, onnx.Int32s(BucketRows, buckets), onnx.Int8s(QuantizedTable, rows, dim),
                    onnx.Floats(RowScales, rows)), hidden, outputs);
            }
            catch (ArgumentException e)
            {
                throw new InvalidDataException($"'{onnx.Source}': the quantised embedding is inconsistent: {e.Message}", e);
            }
        }
        else
        {
            model = new BagModel(buckets, dim, hidden, outputs);
            onnx.Floats("embedding_table", buckets, dim).CopyTo(model.Embedding, 0);
        }

        if (hidden > 0 && onnx.HasInitializer("w1_0"))
        {
            ReadHiddenBlocks(onnx, model);
            onnx.Floats("b1", hidden).CopyTo(model.B1, 0);
        }
        else if (hidden > 0)
        {
            Transpose(onnx.Floats("w1", dim, hidden), dim, hidden, model.W1);
            onnx.Floats("b1", hidden).CopyTo(model.B1, 0);
        }

        Transpose(onnx.Floats("w2", model.TopDim, outputs), model.TopDim, outputs, model.W2);
        onnx.Floats("b2", outputs).CopyTo(model.B2, 0);
        return model;
    }

    // w1_0, w1_1, … are the transposed diagonal blocks [dim_k × hidden_k], in order.
    private static void ReadHiddenBlocks(OnnxModelReader onnx, BagModel model)
    {
        var blocks = new List<HiddenBlock>();
        int dimAt = 0, hiddenAt = 0;
        for (var k = 0; onnx.HasInitializer($"w1_{k}"); k++)
        {
            var shape = onnx.Shape($"w1_{k}");
            if (shape.Length != 2 || shape[0] < 1 || shape[1] < 1 || dimAt + shape[0] > model.Dim || hiddenAt + shape[1] > model.Hidden)
            {
                throw new InvalidDataException($"'{onnx.Source}': hidden block 'w1_{k}' has shape [{string.Join(',', shape)}], which does not fit {model.Dim} × {model.Hidden}.");
            }

            int rows = (int)shape[0], cols = (int)shape[1];
            var w = onnx.Floats($"w1_{k}", rows, cols);
            for (var r = 0; r < rows; r++)
            {
                for (var c = 0; c < cols; c++)
                {
                    model.W1[(hiddenAt + c) * model.Dim + dimAt + r] = w[r * cols + c];
                }
            }

            blocks.Add(new HiddenBlock(dimAt, rows, hiddenAt, cols));
            dimAt += rows;
            hiddenAt += cols;
        }

        try
        {
            model.SetHiddenBlocks(blocks);
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException($"'{onnx.Source}': {e.Message}", e);
        }
    }

    private const string BucketRows = "bucket_rows";
    private const string QuantizedTable = "embedding_int8";
    private const string RowScales = "embedding_scales";

    private static string ProducerVersion => typeof(BagModelOnnx).Assembly.GetName().Version?.ToString() ?? "1.0.0";

    private static OnnxGraphBuilder Build(BagModel m, bool encoder)
    {
        var g = new OnnxGraphBuilder(encoder ? "bag_encoder" : "bag_classifier")
            .Int64Input(IdsInput, "batch", "seq")
            .FloatInput(WeightsInput, "batch", "seq");
        if (encoder)
        {
            g.FloatOutput(EmbeddingOutput, "batch", m.Outputs);
        }
        else
        {
            g.FloatOutput(ProbabilitiesOutput, "batch", m.Outputs).FloatOutput(EmbeddingOutput, "batch", m.Dim);
        }

        var bagName = encoder ? "bag" : EmbeddingOutput;
        var rowWeights = WeightsInput;
        g.Initializer("axes_1", [1L], 1);
        if (m.Quantized is { } q)
        {
            // Dequantise only the gathered rows: the per-row scale joins the bag weight, the int8 row is cast to float.
            g.Initializer(BucketRows, q.RowOfBucket, q.Buckets)
                .Initializer(QuantizedTable, q.Values, q.Rows, q.Dim)
                .Initializer(RowScales, q.Scales, q.Rows)
                .Node("Gather", [BucketRows, IdsInput], ["row_ids"], ("axis", 0L))
                .Node("Gather", [QuantizedTable, "row_ids"], ["rows_int8"], ("axis", 0L))
                .Node("Cast", ["rows_int8"], ["rows"], ("to", 1L))
                .Node("Gather", [RowScales, "row_ids"], ["row_scales"], ("axis", 0L))
                .Node("Mul", [WeightsInput, "row_scales"], ["scaled_weights"]);
            rowWeights = "scaled_weights";
        }
        else
        {
            g.Initializer("embedding_table", m.Embedding, m.Buckets, m.Dim)
                .Node("Gather", ["embedding_table", IdsInput], ["rows"], ("axis", 0L));
        }

        // [batch, 1, seq] × [batch, seq, dim]: one batched MatMul sums the weighted rows without materialising them.
        g.Node("Unsqueeze", [rowWeights, "axes_1"], ["weights_row"])
            .Node("MatMul", ["weights_row", "rows"], ["bag_3d"])
            .Node("Squeeze", ["bag_3d", "axes_1"], [bagName]);
        var top = bagName;
        if (m.Hidden > 0 && m.HiddenBlocks is { Count: > 1 } blocks)
        {
            // A folded ensemble: each member's hidden layer multiplies only its own slice of the bag (half the work of
            // the block-diagonal matrix for two members).
            var parts = blocks.Select((_, k) => $"bag_{k}").ToArray();
            g.Initializer("bag_split", blocks.Select(b => (long)b.Dim).ToArray(), blocks.Count)
                .Node("Split", [bagName, "bag_split"], parts, ("axis", 1L));
            for (var k = 0; k < blocks.Count; k++)
            {
                g.Initializer($"w1_{k}", Block(m, blocks[k]), blocks[k].Dim, blocks[k].Hidden)
                    .Node("MatMul", [parts[k], $"w1_{k}"], [$"hidden_mm_{k}"]);
            }

            g.Initializer("b1", m.B1, m.Hidden)
                .Node("Concat", blocks.Select((_, k) => $"hidden_mm_{k}").ToArray(), ["hidden_mm"], ("axis", 1L))
                .Node("Add", ["hidden_mm", "b1"], ["hidden_pre"])
                .Node("Relu", ["hidden_pre"], ["hidden"]);
            top = "hidden";
        }
        else if (m.Hidden > 0)
        {
            g.Initializer("w1", Transposed(m.W1, m.Hidden, m.Dim), m.Dim, m.Hidden)
                .Initializer("b1", m.B1, m.Hidden)
                .Node("MatMul", [bagName, "w1"], ["hidden_mm"])
                .Node("Add", ["hidden_mm", "b1"], ["hidden_pre"])
                .Node("Relu", ["hidden_pre"], ["hidden"]);
            top = "hidden";
        }

        g.Initializer("w2", Transposed(m.W2, m.Outputs, m.TopDim), m.TopDim, m.Outputs)
            .Initializer("b2", m.B2, m.Outputs)
            .Node("MatMul", [top, "w2"], ["out_mm"])
            .Node("Add", ["out_mm", "b2"], ["logits"]);
        if (encoder)
        {
            g.Node("LpNormalization", ["logits"], [EmbeddingOutput], ("axis", -1L), ("p", 2L));
        }
        else
        {
            g.Node("Softmax", ["logits"], [ProbabilitiesOutput], ("axis", -1L));
        }

        return g;
    }

    // The block's weights transposed to [block dim × block hidden] for MatMul.
    private static float[] Block(BagModel m, HiddenBlock b)
    {
        var result = new float[b.Dim * b.Hidden];
        for (var j = 0; j < b.Hidden; j++)
        {
            for (var d = 0; d < b.Dim; d++)
            {
                result[d * b.Hidden + j] = m.W1[(b.HiddenStart + j) * m.Dim + b.DimStart + d];
            }
        }

        return result;
    }

    private static float[] Transposed(float[] source, int rows, int cols)
    {
        var result = new float[source.Length];
        Transpose(source, rows, cols, result);
        return result;
    }

    private static void Transpose(float[] source, int rows, int cols, float[] target)
    {
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < cols; c++)
            {
                target[c * rows + r] = source[r * cols + c];
            }
        }
    }
}
