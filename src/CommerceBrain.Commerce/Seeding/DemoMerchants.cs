namespace CommerceBrain.Commerce.Seeding;

/// <summary>The demo marketplace's 55 shops in 15 categories (ids <c>m-001</c>…<c>m-055</c>, fixed so docs and tests can name them).</summary>
internal static class DemoMerchants
{
    public static readonly IReadOnlyList<DemoMerchant> All = Build();

    private static List<DemoMerchant> Build()
    {
        (string Name, string Category, string City, bool Bilingual)[] shops =
        [
            ("Lumi Electronics", "electronics", "Shenzhen", true),
            ("Voltmark Digital", "electronics", "Shenzhen", false),
            ("Pixelhaus Camera Store", "electronics", "Shanghai", false),
            ("Soundwave Audio", "electronics", "Guangzhou", true),
            ("Chargepoint Mobile Accessories", "phone-accessories", "Shenzhen", false),
            ("CaseCraft Studio", "phone-accessories", "Dongguan", true),
            ("Cable & Co.", "phone-accessories", "Shenzhen", false),
            ("Northwind Apparel", "apparel", "Hangzhou", true),
            ("Linen Lane", "apparel", "Suzhou", false),
            ("Urban Thread", "apparel", "Guangzhou", true),
            ("Silk Road Fashion", "apparel", "Hangzhou", true),
            ("Stride Footwear", "shoes", "Quanzhou", false),
            ("Cloudstep Sneakers", "shoes", "Putian", true),
            ("Oxford & Brogue", "shoes", "Wenzhou", false),
            ("Hearth Home & Kitchen", "home-kitchen", "Ningbo", false),
            ("Copper Pot Cookware", "home-kitchen", "Yangjiang", true),
            ("Nest Living", "home-kitchen", "Foshan", false),
            ("Glow Beauty Lab", "beauty", "Shanghai", true),
            ("Petal & Clay Skincare", "beauty", "Guangzhou", false),
            ("Lotus Cosmetics", "beauty", "Hangzhou", true),
            ("Snack Barn", "food", "Changsha", true),
            ("Golden Harvest Nuts", "food", "Hangzhou", false),
            ("Sichuan Pepper Pantry", "food", "Chengdu", true),
            ("Morning Oats Co.", "food", "Harbin", false),
            ("West Lake Tea House", "tea", "Hangzhou", true),
            ("Yunnan Pu'er Garden", "tea", "Kunming", true),
            ("Jade Leaf Tea", "tea", "Fuzhou", false),
            ("Little Sprout Baby", "baby-toys", "Shanghai", true),
            ("Brickland Toys", "baby-toys", "Shantou", false),
            ("Tiny Steps Kids", "baby-toys", "Ningbo", true),
            ("Peak Outdoor Gear", "sports-outdoors", "Xiamen", false),
            ("Spin Cycle Bikes", "sports-outdoors", "Tianjin", true),
            ("Yoga Flow Studio", "sports-outdoors", "Shenzhen", false),
            ("Trailhead Camping", "sports-outdoors", "Chengdu", false),
            ("Paper Moon Books", "books", "Beijing", true),
            ("Inkwell Stationery", "books", "Yiwu", false),
            ("Happy Paws Pet Supplies", "pets", "Shanghai", true),
            ("Whisker Kitchen", "pets", "Qingdao", false),
            ("Silverline Jewellery", "jewellery", "Shenzhen", true),
            ("Pearl Harbour Jewels", "jewellery", "Zhuji", false),
            ("Oak & Iron Furniture", "furniture", "Foshan", false),
            ("Sofa Republic", "furniture", "Foshan", true),
            ("Orchard Direct Fresh Fruit", "fresh", "Zhangzhou", true),
            ("Coastline Seafood", "fresh", "Zhoushan", false),
            ("Brightwatt Appliances", "electronics", "Ningbo", false),
            ("Smart Nest Devices", "electronics", "Hangzhou", true),
            ("Denim Depot", "apparel", "Xintang", false),
            ("Cozy Knit Co.", "apparel", "Tongxiang", true),
            ("Fresh Face Men's Care", "beauty", "Guangzhou", false),
            ("Sweet Tooth Bakery", "food", "Shanghai", true),
            ("Gaming Grid", "electronics", "Shenzhen", false),
            ("Blossom Garden Supplies", "home-kitchen", "Kunming", true),
            ("Aqua Pet World", "pets", "Guangzhou", false),
            ("Summit Running", "shoes", "Xiamen", false),
            ("Heritage Porcelain", "home-kitchen", "Jingdezhen", true),
        ];
        return shops
            .Select((s, i) => new DemoMerchant($"m-{i + 1:D3}", s.Name, s.Category, s.City, s.Bilingual))
            .ToList();
    }
}
