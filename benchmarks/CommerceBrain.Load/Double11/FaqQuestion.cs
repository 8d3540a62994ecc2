namespace CommerceBrain.Load.Double11;

/// <summary>A FAQ question the profile asks in paraphrase: the platform's (<see cref="MerchantId"/> null) or a shop's.</summary>
/// <param name="Id">The FAQ entry's id (platform <c>faq-0001</c>, shop entry id).</param>
/// <param name="Question">The question as the FAQ words it.</param>
/// <param name="MerchantId">The shop whose FAQ holds it; the session is opened in that shop. Null for the platform FAQ.</param>
public sealed record FaqQuestion(string Id, string Question, string? MerchantId);
