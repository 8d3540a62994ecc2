using System.Diagnostics;
using CommerceBrain.Nlu.Training;

namespace CommerceBrain.Nlu.Intents;

/// <summary>Computes <see cref="IntentEvaluation"/> for a classifier on a test set (labels compared case-insensitively).</summary>
public static class IntentEvaluator
{
    /// <summary>Evaluates; <paramref name="modelBytes"/> is reported as given (size of the model directory).</summary>
    public static IntentEvaluation Evaluate(IntentClassifier classifier, IReadOnlyList<LabeledText> test, long modelBytes, int batchSize = 64)
    {
        if (test.Count == 0)
        {
            throw new ArgumentException("The test set is empty.", nameof(test));
        }

        var comparer = StringComparer.OrdinalIgnoreCase;
        var oos = classifier.OutOfScopeLabel;
        var stopwatch = Stopwatch.StartNew();
        var probabilities = new List<float[]>(test.Count);
        for (var start = 0; start < test.Count; start += batchSize)
        {
            var texts = test.Skip(start).Take(batchSize).Select(t => (string?)t.Text).ToArray();
            probabilities.AddRange(classifier.Probabilities(texts));
        }

        var perSecond = test.Count / Math.Max(stopwatch.Elapsed.TotalSeconds, 1e-9);
        var labels = classifier.Model.Labels;
        int correct = 0, top1 = 0, rejected = 0, inScope = 0, inScopeCorrect = 0, oosTruth = 0, oosPredicted = 0, oosHit = 0;
        var confidences = new float[test.Count];
        var top1Correct = new bool[test.Count];
        var truthCounts = new Dictionary<string, int>(comparer);
        var predictedCounts = new Dictionary<string, int>(comparer);
        var hits = new Dictionary<string, int>(comparer);
        for (var i = 0; i < test.Count; i++)
        {
            var p = probabilities[i];
            var decision = classifier.Decide(p, 1);
            var argmax = Array.IndexOf(p, p.Max());
            var truth = test[i].Label;
            var truthIsOos = comparer.Equals(truth, oos);
            confidences[i] = p[argmax];
            top1Correct[i] = comparer.Equals(labels[argmax], truth);
            top1 += top1Correct[i] ? 1 : 0;
            rejected += decision.IsOutOfScope && !comparer.Equals(labels[argmax], oos) ? 1 : 0;
            var ok = comparer.Equals(decision.Intent, truth);
            correct += ok ? 1 : 0;
            Increment(truthCounts, truth);
            Increment(predictedCounts, decision.Intent);
            if (ok)
            {
                Increment(hits, truth);
            }

            if (truthIsOos)
            {
                oosTruth++;
                oosHit += decision.IsOutOfScope ? 1 : 0;
            }
            else
            {
                inScope++;
                inScopeCorrect += ok ? 1 : 0;
            }

            oosPredicted += decision.IsOutOfScope ? 1 : 0;
        }

        var classes = truthCounts.Keys.Union(predictedCounts.Keys, comparer).ToArray();
        var macroF1 = classes.Average(c =>
        {
            var tp = hits.GetValueOrDefault(c);
            var precision = predictedCounts.GetValueOrDefault(c) is var pc and > 0 ? tp / (double)pc : 0;
            var recall = truthCounts.GetValueOrDefault(c) is var tc and > 0 ? tp / (double)tc : 0;
            return precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0;
        });

        return new IntentEvaluation(
            test.Count,
            correct / (double)test.Count,
            top1 / (double)test.Count,
            macroF1,
            inScope > 0 ? inScopeCorrect / (double)inScope : null,
            oosTruth > 0 ? (oosPredicted > 0 ? oosHit / (double)oosPredicted : 0) : null,
            oosTruth > 0 ? oosHit / (double)oosTruth : null,
            rejected,
            Calibration.ExpectedCalibrationError(confidences, top1Correct),
            perSecond,
            modelBytes,
            classifier.UsesOnnxRuntime ? "onnxruntime" : "csharp");
    }

    private static void Increment(Dictionary<string, int> counts, string key) => counts[key] = counts.GetValueOrDefault(key) + 1;
}
