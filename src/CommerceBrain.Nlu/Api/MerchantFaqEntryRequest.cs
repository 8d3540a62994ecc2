namespace CommerceBrain.Nlu.Api;

/// <summary>One question-answer pair of a shop's FAQ.</summary>
/// <param name="Id">The entry's id (1-64 printable characters, unique in the shop); generated when missing.</param>
/// <param name="Question">The question (at most <c>MaxMerchantFaqQuestionLength</c>, default 500 characters).</param>
/// <param name="Answer">The answer (at most <c>MaxMerchantFaqAnswerLength</c>, default 4,000 characters).</param>
public sealed record MerchantFaqEntryRequest(string? Id, string? Question, string? Answer);
