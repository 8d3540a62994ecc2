namespace CommerceBrain.Nlu.Training;

/// <summary>Seeded stratified train/validation split: floor(fraction × class size) examples of each class are held out.</summary>
internal static class StratifiedSplit
{
    public static (List<int> Train, List<int> Validation) Split(IReadOnlyList<int> labels, double fraction, ulong seed)
    {
        var rng = new DeterministicRandom(seed);
        var train = new List<int>();
        var validation = new List<int>();
        foreach (var group in Enumerable.Range(0, labels.Count).GroupBy(i => labels[i]).OrderBy(g => g.Key))
        {
            var members = group.ToList();
            rng.Shuffle(members);
            var held = (int)Math.Floor(fraction * members.Count);
            validation.AddRange(members.Take(held));
            train.AddRange(members.Skip(held));
        }

        train.Sort();
        validation.Sort();
        return (train, validation);
    }
}
