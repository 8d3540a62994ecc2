using CommerceBrain.Load.Double11.Api;

namespace CommerceBrain.Load.Double11;

/// <summary>The demo shops' own FAQ questions (<c>m-001</c> … <c>m-055</c>), read through the NLU API as the silo holds them.</summary>
public static class ShopFaq
{
    /// <summary>The demo data's shops.</summary>
    public const int Shops = 55;

    /// <summary>Every question of every demo shop that has a FAQ; questions asking for a person are left out.</summary>
    public static async Task<IReadOnlyList<FaqQuestion>> LoadAsync(SiloClient silo, CancellationToken cancellationToken)
    {
        var token = await silo.TokenAsync("load-admin", "admin", cancellationToken);
        var sets = new MerchantFaq?[Shops];
        await Parallel.ForEachAsync(Enumerable.Range(1, Shops), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken },
            async (n, ct) =>
            {
                var id = $"m-{n:000}";
                var result = await silo.MerchantFaqAsync(token, id, ct);
                sets[n - 1] = result.IsOk
                    ? result.Ok
                    : throw new SiloCallException($"GET /api/nlu/merchants/{id}/faq: {result.Response.StatusCode} {result.Response.Message}");
            });
        return sets.Where(s => s is not null)
            .SelectMany(s => s!.Entries.Select(e => new FaqQuestion(e.Id, e.Question, s.MerchantId)))
            .Where(q => !string.IsNullOrWhiteSpace(q.Question) && !Paraphraser.AsksForPerson(q.Question))
            .ToList();
    }
}
