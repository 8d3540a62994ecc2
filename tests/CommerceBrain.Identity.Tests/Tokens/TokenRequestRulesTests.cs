using CommerceBrain.Identity.Tokens;

namespace CommerceBrain.Identity.Tests.Tokens;

public sealed class TokenRequestRulesTests
{
    [Theory]
    [InlineData("customer-1", Roles.Customer, null, null)]
    [InlineData("agent.alice@example.com", Roles.Agent, null, 1)]
    [InlineData("m:7_x-y", Roles.Merchant, "shop-42", 1440)]
    [InlineData("root", Roles.Admin, null, 60)]
    public void A_well_formed_request_has_no_faults(string subject, string role, string? merchantId, int? lifetime)
    {
        Assert.Empty(TokenRequestRules.Check(subject, role, merchantId, lifetime));
    }

    [Theory]
    [InlineData(null, Roles.Customer, null, null, "subject")]
    [InlineData("", Roles.Customer, null, null, "subject")]
    [InlineData("has space", Roles.Customer, null, null, "subject")]
    [InlineData("ünïcode", Roles.Customer, null, null, "subject")]
    [InlineData("c-1", null, null, null, "role")]
    [InlineData("c-1", "Customer", null, null, "role")]
    [InlineData("c-1", Roles.Merchant, null, null, "merchantId")]
    [InlineData("c-1", Roles.Admin, "shop-1", null, "merchantId")]
    [InlineData("c-1", Roles.Merchant, "shop 1", null, "merchantId")]
    [InlineData("c-1", Roles.Customer, null, 0, "lifetimeMinutes")]
    [InlineData("c-1", Roles.Customer, null, 1441, "lifetimeMinutes")]
    public void A_faulty_request_names_the_field_at_fault(string? subject, string? role, string? merchantId, int? lifetime, string field)
    {
        var errors = TokenRequestRules.Check(subject, role, merchantId, lifetime);

        Assert.Equal([field], errors.Keys);
    }

    [Fact]
    public void A_subject_may_have_128_characters_but_not_129()
    {
        Assert.Empty(TokenRequestRules.Check(new string('a', 128), Roles.Customer, null, null));
        Assert.Contains("subject", TokenRequestRules.Check(new string('a', 129), Roles.Customer, null, null).Keys);
    }
}
