using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CommerceBrain.Identity.Tests;

public sealed class PoliciesTests
{
    private static readonly IAuthorizationService Authorization = CreateAuthorization();

    [Theory]
    [InlineData(Policies.Customer, Roles.Customer, null, true)]
    [InlineData(Policies.Customer, Roles.Admin, null, false)]
    [InlineData(Policies.Customer, Roles.Agent, null, false)]
    [InlineData(Policies.Agent, Roles.Agent, null, true)]
    [InlineData(Policies.Agent, Roles.Admin, null, true)]
    [InlineData(Policies.Agent, Roles.Reviewer, null, false)]
    [InlineData(Policies.Agent, Roles.Customer, null, false)]
    [InlineData(Policies.Reviewer, Roles.Reviewer, null, true)]
    [InlineData(Policies.Reviewer, Roles.Admin, null, true)]
    [InlineData(Policies.Reviewer, Roles.Agent, null, false)]
    [InlineData(Policies.Merchant, Roles.Merchant, "shop-1", true)]
    [InlineData(Policies.Merchant, Roles.Merchant, null, false)]
    [InlineData(Policies.Merchant, Roles.Admin, null, true)]
    [InlineData(Policies.Merchant, Roles.Customer, null, false)]
    [InlineData(Policies.Admin, Roles.Admin, null, true)]
    [InlineData(Policies.Admin, Roles.Agent, null, false)]
    [InlineData(Policies.Operator, Roles.Admin, null, true)]
    [InlineData(Policies.Operator, Roles.Agent, null, true)]
    [InlineData(Policies.Operator, Roles.Reviewer, null, false)]
    [InlineData(Policies.Operator, Roles.Merchant, "shop-1", false)]
    public async Task Each_policy_admits_exactly_its_roles(string policy, string role, string? merchantId, bool admitted)
    {
        var claims = new List<Claim> { new(CommerceBrainClaims.Subject, "someone"), new(CommerceBrainClaims.Role, role) };
        if (merchantId is not null)
        {
            claims.Add(new Claim(CommerceBrainClaims.MerchantId, merchantId));
        }

        var user = new ClaimsPrincipal(new ClaimsIdentity(claims, "Bearer", CommerceBrainClaims.Subject, CommerceBrainClaims.Role));

        var result = await Authorization.AuthorizeAsync(user, policy);

        Assert.Equal(admitted, result.Succeeded);
    }

    [Theory]
    [InlineData(Policies.Customer)]
    [InlineData(Policies.Admin)]
    [InlineData(Policies.Merchant)]
    public async Task No_policy_admits_an_anonymous_caller_even_with_role_claims(string policy)
    {
        var anonymous = new ClaimsPrincipal(new ClaimsIdentity([new Claim(CommerceBrainClaims.Role, Roles.Admin)]));

        Assert.False((await Authorization.AuthorizeAsync(anonymous, policy)).Succeeded);
    }

    private static IAuthorizationService CreateAuthorization()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        var environment = new ProductionEnvironment();
        services.AddIdentity(new ConfigurationBuilder().Build(), environment);
        return services.BuildServiceProvider().GetRequiredService<IAuthorizationService>();
    }
}
