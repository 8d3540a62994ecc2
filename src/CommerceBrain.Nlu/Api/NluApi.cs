using System.Text.RegularExpressions;
using CommerceBrain.Nlu.Contracts;
using CommerceBrain.Nlu.Entities;
using CommerceBrain.Nlu.Faq;
using CommerceBrain.Nlu.Serving;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace CommerceBrain.Nlu.Api;

/// <summary>
/// <c>/api/nlu</c>: intent prediction (with per-merchant run-time intents), FAQ matching and the loaded models. While
/// the models are still loading or training every endpoint but <c>GET /models</c> answers 503 with <c>Retry-After</c>.
/// </summary>
public static partial class NluApi
{
    /// <summary>Most candidates a prediction may ask for.</summary>
    public const int MaxTop = 10;

    /// <summary>Fewest examples a run-time intent needs.</summary>
    public const int MinExamples = 5;

    /// <summary>Most examples a run-time intent takes.</summary>
    public const int MaxExamples = 10;

    private const int MaxMerchantIdLength = 100;

    /// <summary>Maps the NLU endpoints.</summary>
    public static IEndpointRouteBuilder MapNluApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/nlu").WithTags("NLU");
        api.MapPost("/intents:predict", PredictIntent)
            .WithName("PredictIntent")
            .WithSummary("Predicts the intent of a customer message: top candidates, out-of-scope flag and entities.")
            .Produces<IntentPredictResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        api.MapPost("/intents/predict", PredictIntent)
            .WithSummary("Same as POST /api/nlu/intents:predict.")
            .Produces<IntentPredictResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        api.MapPost("/faq/match", MatchFaq)
            .WithName("MatchFaq")
            .WithSummary("Matches a question to the FAQ: answer, clarify (close candidates) or no_match, with ranked candidates.")
            .Produces<FaqMatchResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        api.MapPut("/merchants/{merchantId}/intents/{intent}", PutMerchantIntent)
            .WithName("PutMerchantIntent")
            .WithSummary("Adds or replaces a merchant's run-time intent from 5-10 examples; stored before the answer, predictions with that merchantId find it at once on every silo.")
            .Produces<MerchantIntentResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        api.MapPut("/merchants/{merchantId}/faq", PutMerchantFaq)
            .WithName("PutMerchantFaq")
            .WithSummary("Replaces a shop's own FAQ (question-answer pairs; ids generated when missing); stored before the answer, matched with the platform FAQ for that merchantId on every silo.")
            .Accepts<MerchantFaqRequest>("application/json")
            .Produces<MerchantFaqResponse>()
            .ProducesValidationProblem();
        api.MapGet("/merchants/{merchantId}/faq", GetMerchantFaq)
            .WithName("GetMerchantFaq")
            .WithSummary("A shop's own FAQ as stored (version 0 and no entries when never set).")
            .Produces<MerchantFaqSet>()
            .ProducesValidationProblem();
        api.MapPost("/understand", Understand)
            .WithName("Understand")
            .WithSummary("Intent (top 3, with the shop's run-time intents), FAQ verdict and hits (platform and shop FAQ ranked together), entities and language of one message: what the conversations module gets per turn.")
            .Produces<Understanding>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        api.MapGet("/models", GetModels)
            .WithName("GetNluModels")
            .WithSummary("The NLU models this silo serves (name, kind, version, engine) and whether they are ready.")
            .Produces<NluModelsResponse>();
        return app;
    }

    private static async Task<IResult> PredictIntent([FromBody] IntentPredictRequest? request, NluModelState state,
        IOptions<NluServingOptions> options, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        ValidateText(errors, "text", request?.Text, options.Value.MaxTextLength);
        ValidateMerchant(errors, "merchantId", request?.MerchantId);
        var top = request?.Top ?? 3;
        if (top is < 1 or > MaxTop)
        {
            errors["top"] = [$"'top' must be between 1 and {MaxTop}."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (state.Engine is not { } engine)
        {
            return NotReady(state, options.Value);
        }

        var text = request!.Text!;
        var prediction = await engine.PredictAsync(text, request.MerchantId, top, cancellationToken);
        var entities = EntityExtractor.Extract(text)
            .Select(e => new EntityView(e.Kind.ToString(), e.Text, e.Value, e.Start, e.Length))
            .ToArray();
        return TypedResults.Ok(new IntentPredictResponse(
            prediction.Intent,
            prediction.Confidence,
            prediction.IsOutOfScope,
            prediction.Candidates.Select(c => new IntentCandidate(c.Intent, c.Confidence)).ToArray(),
            entities));
    }

    private static async Task<IResult> MatchFaq([FromBody] FaqMatchRequest? request, NluModelState state,
        IOptions<NluServingOptions> options, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        ValidateText(errors, "query", request?.Query, options.Value.MaxTextLength);
        ValidateMerchant(errors, "merchantId", request?.MerchantId);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (state.Engine is not { } engine)
        {
            return NotReady(state, options.Value);
        }

        var match = await engine.MatchFaqAsync(request!.Query!, request.MerchantId, cancellationToken);
        var decision = match.Decision switch
        {
            FaqDecision.Answer => "answer",
            FaqDecision.Clarify => "clarify",
            _ => "no_match",
        };
        var answer = match.Decision == FaqDecision.Answer && match.Candidates.Count > 0
            ? new FaqAnswer(match.Candidates[0].Entry.Id, match.Candidates[0].Entry.Question, match.Candidates[0].Entry.Answer)
            : null;
        return TypedResults.Ok(new FaqMatchResponse(
            decision,
            answer,
            match.Candidates.Select(c => new FaqCandidateView(c.Entry.Id, c.Entry.Question, c.Score)).ToArray()));
    }

    private static async Task<IResult> PutMerchantIntent(string merchantId, string intent, [FromBody] MerchantIntentRequest? request,
        NluModelState state, IOptions<NluServingOptions> options, IGrainFactory grains)
    {
        var errors = new Dictionary<string, string[]>();
        ValidateMerchant(errors, "merchantId", merchantId);
        if (!IntentName().IsMatch(intent))
        {
            errors["intent"] = [$"'intent' must be 1-{NluLimits.MaxIntentNameLength} characters of letters, digits, '_', '-' or '.'."];
        }

        var examples = request?.Examples;
        if (examples is null || examples.Count is < MinExamples or > MaxExamples)
        {
            errors["examples"] = [$"'examples' must hold {MinExamples} to {MaxExamples} messages."];
        }
        else
        {
            for (var i = 0; i < examples.Count; i++)
            {
                ValidateText(errors, $"examples[{i}]", examples[i], options.Value.MaxTextLength);
            }
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (state.Engine is not { } engine)
        {
            return NotReady(state, options.Value);
        }

        var change = await grains.GetGrain<IMerchantIntentsGrain>(merchantId).Put(new MerchantIntentDefinition(intent, examples!.ToArray()));
        if (!change.Stored)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Too many run-time intents.", detail: change.Refusal);
        }

        // Stored first, then served here at once; other silos pick the new version up on their next prediction.
        engine.Apply(change.Set);
        return TypedResults.Ok(new MerchantIntentResponse(merchantId, intent, examples!.Count, change.Set.Intents.Select(i => i.Name).ToArray()));
    }

    private static async Task<IResult> PutMerchantFaq(string merchantId, [FromBody] MerchantFaqRequest? request,
        NluModelState state, IOptions<NluOptions> nlu, IGrainFactory grains)
    {
        var errors = new Dictionary<string, string[]>();
        ValidateMerchant(errors, "merchantId", merchantId);
        var entries = request?.Entries;
        // Ids are generated here, before validation, so a generated id can never collide with one the merchant gave.
        var pairs = entries?.Select(e => e is null ? null : new MerchantFaqPair(e.Id ?? NewEntryId(), e.Question ?? "", e.Answer ?? "")).ToArray();
        foreach (var (field, messages) in MerchantFaqRules.Validate(pairs, nlu.Value))
        {
            errors[field] = messages;
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var change = await grains.GetGrain<IMerchantFaqGrain>(merchantId).Replace(pairs!);
        if (!change.Stored)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["entries"] = [change.Refusal ?? "The FAQ was refused."] });
        }

        // Stored first, then indexed here at once; other silos pick the new version up on their next question for this shop.
        state.Engine?.Apply(change.Set);
        return TypedResults.Ok(new MerchantFaqResponse(merchantId, change.Set.Version, change.Set.Entries.Count,
            change.Set.Entries.Select(e => e.Id).ToArray()));
    }

    private static async Task<IResult> GetMerchantFaq(string merchantId, IGrainFactory grains)
    {
        var errors = new Dictionary<string, string[]>();
        ValidateMerchant(errors, "merchantId", merchantId);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        // No version is ever -1, so the grain always answers with the set.
        return TypedResults.Ok(await grains.GetGrain<IMerchantFaqGrain>(merchantId).GetIfChanged(-1));
    }

    private static async Task<IResult> Understand([FromBody] UnderstandRequest? request, NluModelState state,
        IOptions<NluServingOptions> options, IGrainFactory grains)
    {
        var errors = new Dictionary<string, string[]>();
        ValidateText(errors, "text", request?.Text, options.Value.MaxTextLength);
        ValidateMerchant(errors, "merchantId", request?.MerchantId);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        try
        {
            // Through the grain, the same door the conversations module uses.
            return TypedResults.Ok(await grains.GetGrain<IUnderstandingGrain>(0).Understand(new UnderstandingRequest(request!.Text!, request.MerchantId)));
        }
        catch (ModelsNotReadyException)
        {
            return NotReady(state, options.Value);
        }
    }

    private static string NewEntryId() => Guid.NewGuid().ToString("N")[..12];

    private static NluModelsResponse GetModels(NluModelState state) =>
        new(state.Status.ToString(), state.Engine?.Models ?? []);

    private static IResult NotReady(NluModelState state, NluServingOptions options) =>
        state.Status == NluModelStatus.Starting
            ? new RetryAfterProblem(options.RetryAfterSeconds, $"NLU is starting: {state.Description}. Retry in a few seconds.")
            : TypedResults.Problem(
                statusCode: StatusCodes.Status503ServiceUnavailable,
                title: "The NLU models are unavailable.",
                detail: $"NLU is unavailable: {state.Description}.");

    private static void ValidateText(Dictionary<string, string[]> errors, string field, string? text, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors[field] = [$"'{field}' must not be empty."];
        }
        else if (text.Length > maxLength)
        {
            errors[field] = [$"'{field}' must be at most {maxLength} characters (it has {text.Length})."];
        }
    }

    private static void ValidateMerchant(Dictionary<string, string[]> errors, string field, string? merchantId)
    {
        if (merchantId is null)
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(merchantId) || merchantId.Length > MaxMerchantIdLength || merchantId.Any(char.IsControl))
        {
            errors[field] = [$"'{field}' must be 1-{MaxMerchantIdLength} printable characters."];
        }
    }

    [GeneratedRegex(@"^[A-Za-z0-9_.\-]{1,64}$")] // 64 = NluLimits.MaxIntentNameLength
    private static partial Regex IntentName();
}
