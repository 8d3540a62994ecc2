namespace CommerceBrain.Nlu.Training;

/// <summary>One training or test example.</summary>
public sealed record LabeledText(string Text, string Label);
