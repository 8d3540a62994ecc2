namespace CommerceBrain.Commerce.Seeding;

/// <summary>Words the demo generator builds names, addresses and product titles from.</summary>
internal static class DemoWords
{
    public static readonly string[] FirstNames =
    [
        "Alice", "Ben", "Chloe", "Daniel", "Emma", "Felix", "Grace", "Henry", "Isla", "Jack", "Kate", "Leo", "Maya", "Noah", "Olivia",
        "Peter", "Quinn", "Ruby", "Sam", "Tara", "Umar", "Vera", "Will", "Xavier", "Yara", "Zoe", "Lucas", "Mia", "Ethan", "Sofia",
    ];

    public static readonly string[] LastNames =
    [
        "Smith", "Chen", "Miller", "Wong", "Brown", "Lee", "Taylor", "Li", "Wilson", "Zhang", "Evans", "Liu", "Walker", "Huang", "Clark",
        "Lin", "Hall", "Wu", "Young", "Zhao", "King", "Sun", "Wright", "Xu", "Green", "Ma", "Baker", "Zhou", "Adams", "Guo",
    ];

    public static readonly string[] ChineseSurnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "罗", "高"];

    public static readonly string[] ChineseGivenNames =
    [
        "芳", "伟", "娜", "敏", "静", "丽", "强", "磊", "洋", "艳", "勇", "军", "杰", "娟", "涛", "明", "超", "秀英", "晓燕", "建华", "海燕", "志强", "雪", "婷",
    ];

    public static readonly (string En, string Zh)[] Cities =
    [
        ("Shanghai", "上海市"), ("Beijing", "北京市"), ("Guangzhou", "广州市"), ("Shenzhen", "深圳市"), ("Hangzhou", "杭州市"), ("Chengdu", "成都市"),
        ("Wuhan", "武汉市"), ("Nanjing", "南京市"), ("Xi'an", "西安市"), ("Chongqing", "重庆市"), ("Suzhou", "苏州市"), ("Tianjin", "天津市"),
        ("Qingdao", "青岛市"), ("Xiamen", "厦门市"), ("Changsha", "长沙市"), ("Kunming", "昆明市"),
    ];

    public static readonly (string En, string Zh)[] Districts =
    [
        ("Xuhui District", "徐汇区"), ("Chaoyang District", "朝阳区"), ("Tianhe District", "天河区"), ("Nanshan District", "南山区"),
        ("Xihu District", "西湖区"), ("Wuhou District", "武侯区"), ("Jianghan District", "江汉区"), ("Gulou District", "鼓楼区"),
        ("Yanta District", "雁塔区"), ("Yuzhong District", "渝中区"), ("Gusu District", "姑苏区"), ("Heping District", "和平区"),
    ];

    public static readonly (string En, string Zh)[] Streets =
    [
        ("Huaihai Road", "淮海路"), ("Jianguo Road", "建国路"), ("Zhongshan Road", "中山路"), ("Renmin Road", "人民路"), ("Wenyi Road", "文一路"),
        ("Shennan Avenue", "深南大道"), ("Tianfu Avenue", "天府大道"), ("Jiefang Road", "解放路"), ("Xinhua Road", "新华路"), ("Binjiang Avenue", "滨江大道"),
        ("Changjiang Road", "长江路"), ("Heping Road", "和平路"), ("Yan'an Road", "延安路"), ("Nanjing Road", "南京路"),
    ];

    /// <summary>Chinese names of the cities shops ship from.</summary>
    public static readonly Dictionary<string, string> ShopCitiesZh = new(StringComparer.Ordinal)
    {
        ["Shenzhen"] = "深圳市", ["Shanghai"] = "上海市", ["Guangzhou"] = "广州市", ["Dongguan"] = "东莞市", ["Hangzhou"] = "杭州市",
        ["Suzhou"] = "苏州市", ["Quanzhou"] = "泉州市", ["Putian"] = "莆田市", ["Wenzhou"] = "温州市", ["Ningbo"] = "宁波市",
        ["Yangjiang"] = "阳江市", ["Foshan"] = "佛山市", ["Changsha"] = "长沙市", ["Chengdu"] = "成都市", ["Harbin"] = "哈尔滨市",
        ["Kunming"] = "昆明市", ["Fuzhou"] = "福州市", ["Shantou"] = "汕头市", ["Xiamen"] = "厦门市", ["Tianjin"] = "天津市",
        ["Beijing"] = "北京市", ["Yiwu"] = "义乌市", ["Qingdao"] = "青岛市", ["Zhuji"] = "诸暨市", ["Zhangzhou"] = "漳州市",
        ["Zhoushan"] = "舟山市", ["Xintang"] = "广州市增城区新塘镇", ["Tongxiang"] = "桐乡市", ["Jingdezhen"] = "景德镇市",
    };

    /// <summary>Categories whose products come in colours; the others in editions or pack sizes.</summary>
    public static readonly HashSet<string> ColourfulCategories = new(StringComparer.Ordinal)
    {
        "electronics", "phone-accessories", "apparel", "shoes", "home-kitchen", "baby-toys", "sports-outdoors", "furniture",
    };

    public static readonly string[] Editions = ["Classic", "Premium", "Value Pack", "Gift Box", "Limited Edition", "Family Pack"];

    public static readonly string[] Carriers = ["SF Express", "YTO Express", "ZTO Express", "JD Logistics", "Yunda Express", "STO Express", "China Post EMS"];

    public static readonly string[] Weekdays = ["Friday", "Saturday", "Sunday"];

    public static readonly string[] Colours = ["Black", "White", "Navy", "Grey", "Beige", "Olive", "Burgundy", "Sky Blue", "Rose", "Forest Green"];

    /// <summary>Per category: product nouns and a price range in yuan.</summary>
    public static readonly Dictionary<string, (string[] Nouns, int MinYuan, int MaxYuan)> Products = new(StringComparer.Ordinal)
    {
        ["electronics"] = (["Wireless Earbuds", "Bluetooth Speaker", "Smart Watch", "4K Action Camera", "Noise-Cancelling Headphones", "Mechanical Keyboard", "Portable Monitor", "Robot Vacuum", "Air Purifier", "Tablet 11-inch"], 99, 4999),
        ["phone-accessories"] = (["Silicone Phone Case", "65W GaN Charger", "USB-C Cable 2m", "MagSafe Power Bank", "Tempered Glass Screen Protector", "Car Phone Mount", "Wireless Charging Pad"], 19, 299),
        ["apparel"] = (["Cotton T-Shirt", "Linen Shirt", "Wool Coat", "Down Jacket", "Slim Jeans", "Knit Sweater", "Silk Scarf", "Hoodie", "Pleated Skirt", "Chino Trousers"], 59, 1299),
        ["shoes"] = (["Running Shoes", "Leather Loafers", "Canvas Sneakers", "Hiking Boots", "Chelsea Boots", "Slip-on Sandals"], 129, 1099),
        ["home-kitchen"] = (["Cast-Iron Pot", "Non-Stick Frying Pan", "Porcelain Tea Set", "Bamboo Cutting Board", "Knife Set", "Linen Bedding Set", "Ceramic Vase", "Glass Storage Jars"], 39, 899),
        ["beauty"] = (["Hydrating Serum", "Sunscreen SPF50", "Clay Face Mask", "Lip Balm Set", "Vitamin C Cream", "Cleansing Oil", "Eye Cream", "Beard Oil"], 39, 599),
        ["food"] = (["Mixed Nuts Gift Box", "Spicy Beef Jerky", "Sichuan Hotpot Base", "Oat Granola", "Dark Chocolate Bar", "Mooncake Gift Set", "Dried Mango", "Chilli Oil"], 15, 299),
        ["tea"] = (["Longjing Green Tea 250g", "Aged Pu'er Cake 357g", "Tieguanyin Oolong", "Jasmine Pearl Tea", "Dianhong Black Tea", "White Peony Tea", "Tea Tasting Set"], 49, 1299),
        ["baby-toys"] = (["Building Blocks Set", "Plush Panda", "Baby Stroller", "Wooden Puzzle", "Remote Control Car", "Baby Carrier", "Bath Toys Set"], 29, 1599),
        ["sports-outdoors"] = (["Yoga Mat", "Camping Tent 3-Person", "Road Bike Helmet", "Trekking Poles", "Folding Bike", "Sleeping Bag", "Resistance Bands"], 49, 2999),
        ["books"] = (["Hardcover Notebook", "Fountain Pen", "Classic Novel Box Set", "Chinese Calligraphy Set", "Illustrated Atlas", "Cookbook"], 19, 399),
        ["pets"] = (["Grain-Free Cat Food 2kg", "Dog Chew Toys", "Cat Litter 10L", "Pet Carrier Bag", "Aquarium Filter", "Dog Harness"], 19, 499),
        ["jewellery"] = (["S925 Silver Ring", "Freshwater Pearl Necklace", "Jade Bracelet", "Silver Hoop Earrings", "Gold-Plated Pendant"], 99, 2999),
        ["furniture"] = (["Three-Seater Sofa", "Oak Dining Table", "Bookshelf", "Office Chair", "Bed Frame 1.8m", "Wardrobe"], 499, 8999),
        ["fresh"] = (["Navel Oranges 5kg", "Lychee 2.5kg", "Frozen Shrimp 1kg", "Hairy Crabs x6", "Mango 3kg", "Yellow Croaker 1kg"], 49, 499),
    };
}
