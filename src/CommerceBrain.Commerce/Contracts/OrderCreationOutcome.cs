namespace CommerceBrain.Commerce.Contracts;

/// <summary>What happened to an <see cref="OrderSpec"/>.</summary>
[GenerateSerializer]
public enum OrderCreationOutcome
{
    Created,
    /// <summary>The spec's request id was used before: <see cref="OrderCreation.Order"/> is the order it created.</summary>
    Duplicate,
    /// <summary>The grain's order id is already taken by another order; pick another id.</summary>
    IdTaken,
    /// <summary>The spec is invalid (unknown customer, merchant or product...): <see cref="OrderCreation.Errors"/> says why.</summary>
    Invalid,
}
