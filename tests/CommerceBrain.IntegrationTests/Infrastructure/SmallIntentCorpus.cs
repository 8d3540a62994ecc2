using System.Text;

namespace CommerceBrain.IntegrationTests.Infrastructure;

/// <summary>A tiny intent data set (three labels incl. <c>oos</c>) that trains in well under a second.</summary>
public static class SmallIntentCorpus
{
    private static readonly string[] Subjects = ["my order", "the parcel", "my package", "the delivery", "my shipment", "order 88231"];
    private static readonly string[] Pets = ["cat", "dog", "puppy", "kitten", "parrot", "hamster"];
    private static readonly string[] Off = ["weather in paris", "capital of peru", "square root of 81", "best pasta recipe", "football score", "meaning of life"];

    /// <summary>Writes <c>text,label</c> CSV; <paramref name="offset"/> varies the wording so a test set differs from training.</summary>
    public static string Write(string path, int offset = 0)
    {
        var csv = new StringBuilder("text,label\n");
        for (var i = 0; i < 12; i++)
        {
            var k = i + offset;
            csv.Append($"where is {Subjects[k % Subjects.Length]} right now {k},track_order\n");
            csv.Append($"when does {Subjects[(k + 1) % Subjects.Length]} arrive,track_order\n");
            csv.Append($"do you have food for my {Pets[k % Pets.Length]},pet_food\n");
            csv.Append($"\"which {Pets[(k + 2) % Pets.Length]} treats, snacks or food do you sell\",pet_food\n");
            csv.Append($"tell me the {Off[k % Off.Length]},oos\n");
            csv.Append($"what is the {Off[(k + 3) % Off.Length]} today,oos\n");
        }

        File.WriteAllText(path, csv.ToString());
        return path;
    }
}
