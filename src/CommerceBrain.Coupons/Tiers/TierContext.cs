using CommerceBrain.Coupons.Allocation;
using CommerceBrain.Coupons.Contracts;

namespace CommerceBrain.Coupons.Tiers;

/// <summary>What a <see cref="ITierChooser"/> knows when it decides one claim.</summary>
/// <param name="Terms">The campaign.</param>
/// <param name="CustomerId">The claiming customer.</param>
/// <param name="Customer">The customer's features, or null when the chooser did not ask for them (<see cref="ITierChooser.NeedsCustomer"/>).</param>
/// <param name="Pacing">Where the campaign's budget stands, as far as this silo knows (see <see cref="TierChoosers"/>).</param>
public sealed record TierContext(CampaignTerms Terms, string CustomerId, CustomerFeatures? Customer, PacingState Pacing);
