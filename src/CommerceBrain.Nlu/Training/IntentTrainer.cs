using System.Numerics.Tensors;
using CommerceBrain.Nlu.Models;
using CommerceBrain.Nlu.Text;

namespace CommerceBrain.Nlu.Training;

/// <summary>
/// Trains an <see cref="IntentModel"/> in C#: an ensemble of independently seeded hashed embedding-bag networks,
/// each trained single-threaded with SGD and a linearly decaying learning rate (members run in parallel, one per
/// core), folded into one network; then temperature scaling and an out-of-scope threshold are fitted on a
/// stratified validation split. The result depends only on the data, the options and the seed — not on the number
/// of threads or their timing — so the same seed gives identical model bytes.
/// </summary>
public static class IntentTrainer
{
    /// <summary>Trains on <paramref name="data"/>; throws <see cref="ArgumentException"/> when it has fewer than two labels.</summary>
    public static IntentTrainingResult Train(IReadOnlyList<LabeledText> data, TrainerOptions options,
        IProgress<TrainingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        options.Validate();
        var labels = data.Select(d => d.Label).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        if (labels.Length < 2)
        {
            throw new ArgumentException("Training data needs at least two distinct labels.", nameof(data));
        }

        var labelIndex = labels.Select((l, i) => (l, i)).ToDictionary(x => x.l, x => x.i, StringComparer.Ordinal);
        var featurizer = new Featurizer(options.Featurizer);
        var examples = new Example[data.Count];
        Parallel.For(0, data.Count, new ParallelOptions { MaxDegreeOfParallelism = options.Threads },
            i => examples[i] = new Example(featurizer.Featurize(data[i].Text), labelIndex[data[i].Label]));

        var seed = (ulong)(uint)options.Seed;
        var (trainIdx, valIdx) = StratifiedSplit.Split(examples.Select(e => e.Label).ToArray(), options.ValidationFraction,
            DeterministicRandom.Derive(seed, 0));
        var train = trainIdx.Select(i => examples[i]).ToArray();
        var validation = valIdx.Select(i => examples[i]).ToArray();

        var members = new BagModel[options.EnsembleSize];
        var epochsRun = new int[options.EnsembleSize];
        Parallel.For(0, options.EnsembleSize,
            new ParallelOptions { MaxDegreeOfParallelism = options.Threads, CancellationToken = cancellationToken },
            k => (members[k], epochsRun[k]) = TrainMember(k, train, validation, labels.Length, options,
                DeterministicRandom.Derive(seed, k + 1), progress, cancellationToken));

        var network = Compress(BagModel.Concatenate(members), train, options);
        var temperature = 1f;
        var oosLabel = labelIndex.ContainsKey(options.OosLabel) ? options.OosLabel : null;
        var threshold = options.DefaultOosThreshold;
        double? validationAccuracy = null;
        if (validation.Length > 0)
        {
            var logits = validation.Select(v => network.Forward(v.Features)).ToArray();
            var truth = validation.Select(v => v.Label).ToArray();
            temperature = Calibration.FitTemperature(logits, truth);
            FoldTemperature(network, temperature);
            var probabilities = logits.Select(l =>
            {
                var p = l.Select(x => x / temperature).ToArray();
                Softmax.InPlace(p);
                return p;
            }).ToArray();
            validationAccuracy = probabilities.Zip(truth).Count(x => TensorPrimitives.IndexOfMax(x.First) == x.Second) / (double)truth.Length;
            if (oosLabel is not null)
            {
                threshold = Calibration.ChooseOosThreshold(probabilities, truth, labelIndex[oosLabel]);
            }
        }

        var model = new IntentModel(network, options.Featurizer, labels, oosLabel, threshold, temperature);
        return new IntentTrainingResult(model, train.Length, validation.Length, validationAccuracy, epochsRun);
    }

    private static BagModel Compress(BagModel network, Example[] train, TrainerOptions options)
    {
        bool[]? keep = null;
        if (options.DropUntouchedBuckets)
        {
            keep = new bool[network.Buckets];
            foreach (var ex in train)
            {
                foreach (var id in ex.Features.Ids)
                {
                    keep[id] = true;
                }
            }
        }

        if (options.QuantizeEmbedding)
        {
            return network.Quantize(keep);
        }

        if (keep is not null)
        {
            for (var b = 0; b < keep.Length; b++)
            {
                if (!keep[b])
                {
                    network.Embedding.AsSpan(b * network.Dim, network.Dim).Clear();
                }
            }
        }

        return network;
    }

    private static void FoldTemperature(BagModel network, float temperature)
    {
        TensorPrimitives.Divide(network.W2, temperature, network.W2);
        TensorPrimitives.Divide(network.B2, temperature, network.B2);
    }

    private static (BagModel Model, int Epochs) TrainMember(int member, Example[] train, Example[] validation, int classes,
        TrainerOptions o, ulong seed, IProgress<TrainingProgress>? progress, CancellationToken ct)
    {
        var rng = new DeterministicRandom(seed);
        var m = new BagModel(o.Featurizer.Buckets, o.Dim, o.Hidden, classes);
        var scale = 1f / o.Dim;
        for (long i = 0; i < m.Embedding.LongLength; i++)
        {
            m.Embedding[i] = (rng.NextFloat() * 2 - 1) * scale;
        }

        if (o.Hidden > 0)
        {
            var he = MathF.Sqrt(6f / o.Dim);
            for (var i = 0; i < m.W1.Length; i++)
            {
                m.W1[i] = (rng.NextFloat() * 2 - 1) * he;
            }
        }

        var order = Enumerable.Range(0, train.Length).ToArray();
        var bag = new float[o.Dim];
        var dropMask = new float[o.Dim];
        var pre = new float[Math.Max(1, o.Hidden)];
        var top = new float[m.TopDim];
        var outputs = new float[classes];
        var gTop = new float[m.TopDim];
        var gBag = new float[o.Dim];
        var epochs = Math.Max(o.Epochs, Math.Min(o.MaxEpochs, (int)Math.Ceiling(o.MinUpdates / (double)Math.Max(1, train.Length))));
        var totalSteps = (long)epochs * train.Length;
        long step = 0;
        var keep = 1 - o.Dropout;
        var smoothOff = o.LabelSmoothing / classes;
        var smoothOn = 1 - o.LabelSmoothing + smoothOff;
        var hidden = o.Hidden;

        BagModel? best = null;
        var bestAccuracy = double.NegativeInfinity;
        var bestLoss = double.PositiveInfinity;
        var sinceBest = 0;
        var epoch = 0;
        while (epoch < epochs)
        {
            ct.ThrowIfCancellationRequested();
            epoch++;
            rng.Shuffle(order);
            double lossSum = 0;
            foreach (var index in order)
            {
                var ex = train[index];
                var lr = o.LearningRate * (1 - (float)step / totalSteps);
                var lrDense = hidden > 0 ? lr * o.DenseLearningRateScale : lr;
                step++;
                m.Bag(ex.Features, bag);
                if (o.Dropout > 0)
                {
                    for (var d = 0; d < bag.Length; d++)
                    {
                        dropMask[d] = rng.NextFloat() < keep ? 1f / keep : 0f;
                    }

                    TensorPrimitives.Multiply(bag, dropMask, bag);
                }

                if (hidden > 0)
                {
                    for (var j = 0; j < hidden; j++)
                    {
                        pre[j] = TensorPrimitives.Dot(m.W1.AsSpan(j * o.Dim, o.Dim), bag) + m.B1[j];
                        top[j] = pre[j] > 0 ? pre[j] : 0;
                    }
                }
                else
                {
                    bag.CopyTo(top, 0);
                }

                m.Output(top, outputs);
                Softmax.InPlace(outputs);
                lossSum -= Math.Log(Math.Max(outputs[ex.Label], 1e-12));

                // outputs becomes the logit gradient p - q.
                for (var c = 0; c < classes; c++)
                {
                    outputs[c] -= c == ex.Label ? smoothOn : smoothOff;
                }

                Array.Clear(gTop);
                var width = m.TopDim;
                for (var c = 0; c < classes; c++)
                {
                    var g = outputs[c];
                    var row = m.W2.AsSpan(c * width, width);
                    TensorPrimitives.MultiplyAdd(row, g, gTop, gTop);
                    TensorPrimitives.MultiplyAdd(top, -lrDense * g, row, row);
                    m.B2[c] -= lrDense * g;
                }

                if (hidden > 0)
                {
                    Array.Clear(gBag);
                    for (var j = 0; j < hidden; j++)
                    {
                        if (pre[j] <= 0)
                        {
                            continue;
                        }

                        var g = gTop[j];
                        var row = m.W1.AsSpan(j * o.Dim, o.Dim);
                        TensorPrimitives.MultiplyAdd(row, g, gBag, gBag);
                        TensorPrimitives.MultiplyAdd(bag, -lrDense * g, row, row);
                        m.B1[j] -= lrDense * g;
                    }
                }
                else
                {
                    gTop.CopyTo(gBag, 0);
                }

                if (o.Dropout > 0)
                {
                    TensorPrimitives.Multiply(gBag, dropMask, gBag);
                }

                var ids = ex.Features.Ids;
                var weights = ex.Features.Weights;
                for (var i = 0; i < ids.Length; i++)
                {
                    var row = m.Embedding.AsSpan(ids[i] * o.Dim, o.Dim);
                    TensorPrimitives.MultiplyAdd(gBag, -lr * weights[i], row, row);
                }
            }

            var loss = train.Length > 0 ? lossSum / train.Length : 0;
            if (validation.Length == 0)
            {
                progress?.Report(new TrainingProgress(member, epoch, epochs, loss, null, false));
                continue;
            }

            var (accuracy, valLoss) = Evaluate(m, validation);
            var improved = accuracy > bestAccuracy || (accuracy == bestAccuracy && valLoss < bestLoss);
            progress?.Report(new TrainingProgress(member, epoch, epochs, loss, accuracy, improved));
            if (improved)
            {
                bestAccuracy = accuracy;
                bestLoss = valLoss;
                sinceBest = 0;
                if (epoch < epochs)
                {
                    best ??= new BagModel(m.Buckets, m.Dim, m.Hidden, m.Outputs);
                    m.CopyTo(best);
                }
                else
                {
                    best = null; // the final weights are the best: no copy needed.
                }
            }
            else if (++sinceBest >= o.Patience)
            {
                break;
            }
        }

        return (best ?? m, epoch);
    }

    private static (double Accuracy, double Loss) Evaluate(BagModel m, Example[] examples)
    {
        var correct = 0;
        double loss = 0;
        foreach (var ex in examples)
        {
            var p = m.Forward(ex.Features);
            if (TensorPrimitives.IndexOfMax(p) == ex.Label)
            {
                correct++;
            }

            Softmax.InPlace(p);
            loss -= Math.Log(Math.Max(p[ex.Label], 1e-12));
        }

        return (correct / (double)examples.Length, loss / examples.Length);
    }

    private readonly record struct Example(FeatureVector Features, int Label);
}
