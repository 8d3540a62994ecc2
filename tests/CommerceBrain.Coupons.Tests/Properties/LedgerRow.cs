using CommerceBrain.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace CommerceBrain.Coupons.Tests.Properties;

/// <summary>One <c>coupon_grants</c> row as the database holds it.</summary>
public sealed record LedgerRow(string CouponId, string Customer, string Key, long Value)
{
    /// <summary>Every row of <paramref name="campaignId"/>, read straight from the database (not through any grain).</summary>
    public static async Task<IReadOnlyList<LedgerRow>> ReadAsync(IServiceProvider silo, string campaignId)
    {
        var database = silo.GetRequiredService<StorageDatabase>();
        await using var connection = await database.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT coupon_id, customer_id, idempotency_key, value FROM coupon_grants WHERE campaign_id = @campaign";
        var parameter = command.CreateParameter();
        parameter.ParameterName = "campaign";
        parameter.Value = campaignId;
        command.Parameters.Add(parameter);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<LedgerRow>();
        while (await reader.ReadAsync())
        {
            rows.Add(new LedgerRow(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetInt64(3)));
        }

        return rows;
    }
}
