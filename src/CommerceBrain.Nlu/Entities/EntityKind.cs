namespace CommerceBrain.Nlu.Entities;

/// <summary>Kinds of entities the extractor recognises.</summary>
public enum EntityKind
{
    /// <summary>An order number (after an order keyword, or a long shop-style id).</summary>
    OrderId,

    /// <summary>A money amount with a currency.</summary>
    Amount,

    /// <summary>A calendar date or a relative day (today, 明天...).</summary>
    Date,

    /// <summary>A phone number (Chinese mobile or international with a + prefix). Personal data.</summary>
    Phone,

    /// <summary>An e-mail address. Personal data.</summary>
    Email,
}
