package com.campaignstudio.importer;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static com.campaignstudio.importer.Field.optional;
import static com.campaignstudio.importer.Field.required;
import static com.campaignstudio.importer.Field.requiredUnless;

/**
 * What an import file holds, with the fields each kind can fill, its table and the natural key that
 * recognises a row imported before (so that re-importing updates or skips instead of duplicating).
 */
public enum EntityKind {

    FOLLOWERS("follower", List.of("platform_id", "external_id"), List.of(
            required("external_id", ValueType.PERSON_ID, "用户id", "粉丝id", "用户ID", "粉丝uid", "uid", "user id",
                    "userid", "follower id", "openid", "unionid", "账号id", "抖音号", "快手号", "小红书号", "b站uid", "mid",
                    "id"),
            required("platform", ValueType.PLATFORM, "平台", "渠道", "来源平台", "platform", "channel"),
            optional("followed_at", ValueType.DATE_TIME, "关注时间", "关注日期", "粉丝关注时间", "followed at",
                    "follow time", "followed_at", "时间"),
            optional("region", ValueType.TEXT, "地区", "省份", "地域", "所在地", "ip属地", "region", "province", "location"),
            optional("gender", ValueType.GENDER, "性别", "gender", "sex"),
            optional("age_band", ValueType.TEXT, "年龄段", "年龄", "age band", "age"),
            optional("views", ValueType.COUNT, "播放次数", "观看次数", "浏览次数", "总播放", "播放量", "播放数", "观看量",
                    "阅读量", "浏览量", "views", "plays"),
            optional("likes", ValueType.COUNT, "点赞次数", "点赞数", "总点赞", "点赞", "点赞量", "获赞", "获赞数", "likes"),
            optional("comments", ValueType.COUNT, "评论次数", "评论数", "评论", "评论量", "comments"),
            optional("shares", ValueType.COUNT, "分享次数", "转发次数", "分享数", "转发", "转发数", "转发量", "分享",
                    "分享量", "shares", "reposts"),
            optional("clicks", ValueType.COUNT, "点击次数", "点击数", "点击", "点击量", "clicks"),
            optional("last_active_at", ValueType.DATE_TIME, "最近互动时间", "最后活跃时间", "最近活跃", "last active",
                    "last active at"),
            optional("reported_orders", ValueType.COUNT, "购买次数", "订单数", "下单次数", "orders"),
            optional("reported_spend", ValueType.AMOUNT, "累计消费", "消费金额", "累计支付", "spend", "total spend"))),

    ENGAGEMENT("engagement", List.of(), List.of(
            required("follower", ValueType.PERSON_ID, "用户id", "粉丝id", "用户ID", "uid", "user id", "follower id",
                    "openid"),
            required("platform", ValueType.PLATFORM, "平台", "渠道", "platform", "channel"),
            required("occurred_at", ValueType.DATE_TIME, "时间", "互动时间", "发生时间", "occurred at", "time",
                    "timestamp", "event time"),
            required("kind", ValueType.ENGAGEMENT_KIND, "互动类型", "行为", "类型", "事件", "kind", "event", "action",
                    "type"),
            optional("event_count", ValueType.COUNT, "次数", "数量", "count", "times"),
            optional("post", ValueType.ID, "作品id", "内容id", "笔记id", "视频id", "post id", "post"))),

    POSTS("post", List.of("platform_id", "external_id"), List.of(
            required("external_id", ValueType.ID, "作品id", "内容id", "笔记id", "视频id", "文章id", "bv号", "bvid",
                    "av号", "动态id", "回答id", "post id", "content id", "video id", "id"),
            required("platform", ValueType.PLATFORM, "平台", "渠道", "platform", "channel"),
            required("published_at", ValueType.DATE_TIME, "发布时间", "发布日期", "发表时间", "published at",
                    "publish time", "post time", "date"),
            optional("format", ValueType.POST_FORMAT, "体裁", "类型", "内容类型", "作品类型", "format", "type"),
            optional("topic", ValueType.TEXT, "标题", "话题", "主题", "作品名称", "title", "topic"),
            optional("impressions", ValueType.COUNT, "曝光", "曝光量", "展现量", "播放量", "播放", "播放数", "阅读量",
                    "阅读数", "浏览量", "观看次数", "impressions", "views", "plays"),
            optional("reach", ValueType.COUNT, "触达", "触达人数", "覆盖人数", "阅读人数", "观看人数", "reach"),
            optional("likes", ValueType.COUNT, "点赞", "点赞数", "点赞量", "赞同数", "获赞", "likes"),
            optional("comments", ValueType.COUNT, "评论", "评论数", "评论量", "comments"),
            optional("shares", ValueType.COUNT, "转发", "分享", "转发数", "分享数", "分享量", "转发量", "shares", "reposts"),
            optional("clicks", ValueType.COUNT, "点击", "点击量", "点击数", "clicks"),
            optional("follows_gained", ValueType.COUNT, "涨粉", "新增粉丝", "新增关注", "涨粉数", "涨粉量", "follows",
                    "new followers"))),

    ORDERS("customer_order", List.of("order_ref"), List.of(
            required("order_ref", ValueType.ID, "订单号", "订单编号", "订单id", "商户订单号", "交易单号", "主订单编号",
                    "子订单编号", "invoiceno", "invoice no", "invoice", "order id", "order no", "order number",
                    "order_id", "order"),
            optional("customer_ref", ValueType.PERSON_ID, "用户id", "买家id", "用户ID", "粉丝id", "会员id", "买家昵称id",
                    "openid", "unionid", "uid", "customerid", "customer id", "buyer id", "user id", "customer",
                    "buyer", "买家", "用户"),
            requiredUnless(List.of("line_amount", "unit_price"), "amount", ValueType.AMOUNT, "实付金额", "支付金额",
                    "实付款", "实收金额", "付款金额", "订单金额", "订单实付金额", "买家实付", "应付金额", "金额", "amount",
                    "paid amount", "payment", "order total", "total"),
            required("paid_at", ValueType.DATE_TIME, "支付时间", "付款时间", "下单时间", "成交时间", "创建时间",
                    "订单创建时间", "订单付款时间", "invoicedate", "invoice date", "paid at", "paid_at", "payment time",
                    "order time", "order date", "created at", "date", "time"),
            optional("product", ValueType.PRODUCT, "商品名称", "课程名称", "产品名称", "商品标题", "宝贝标题", "商品",
                    "课程", "产品", "description", "product", "product name", "item", "item name"),
            optional("product_code", ValueType.TEXT, "商品编码", "商品id", "商家编码", "sku", "skuid", "stockcode",
                    "stock code", "product code", "item code"),
            optional("quantity", ValueType.QUANTITY, "购买数量", "商品数量", "数量", "件数", "quantity", "qty"),
            optional("unit_price", ValueType.AMOUNT, "商品单价", "单价", "商品价格", "unitprice", "unit price",
                    "price each", "price"),
            optional("line_amount", ValueType.AMOUNT, "商品小计", "小计", "商品金额", "商品实付", "line total", "line amount",
                    "subtotal"),
            optional("platform", ValueType.PLATFORM, "平台", "渠道", "来源", "来源渠道", "销售渠道", "店铺来源", "platform",
                    "channel", "source"),
            optional("campaign", ValueType.CAMPAIGN, "活动名称", "活动", "推广计划", "campaign"),
            optional("status", ValueType.ORDER_STATUS, "订单状态", "状态", "交易状态", "退款状态", "status"),
            optional("refund_of", ValueType.ID, "原订单号", "原订单编号", "关联订单号", "原始订单号", "original order",
                    "original order id", "refund of"))),

    PRODUCTS("product", List.of("name"), List.of(
            required("name", ValueType.TEXT, "商品名称", "课程名称", "产品名称", "名称", "name", "product", "title"),
            optional("kind", ValueType.PRODUCT_KIND, "商品类型", "类型", "品类", "kind", "type", "category"),
            optional("list_price", ValueType.AMOUNT, "价格", "原价", "定价", "售价", "list price", "price"))),

    SPEND("spend", List.of("spent_on", "platform_id", "campaign_id"), List.of(
            required("spent_on", ValueType.DATE, "日期", "投放日期", "时间", "date", "day"),
            required("platform", ValueType.PLATFORM, "平台", "渠道", "媒体", "platform", "channel"),
            optional("campaign", ValueType.CAMPAIGN, "计划名称", "广告计划", "推广计划", "活动", "campaign",
                    "campaign name"),
            required("amount", ValueType.AMOUNT, "花费", "消耗", "消费", "投放金额", "spend", "cost", "amount"),
            optional("impressions", ValueType.COUNT, "展示", "展示数", "曝光", "曝光量", "impressions"),
            optional("clicks", ValueType.COUNT, "点击", "点击数", "clicks"),
            optional("conversions", ValueType.COUNT, "转化", "转化数", "conversions"),
            optional("attributed_revenue", ValueType.AMOUNT, "成交金额", "转化金额", "支付金额", "gmv", "revenue",
                    "attributed revenue"))),

    LIVE_SESSIONS("live_session", List.of("platform_id", "started_at"), List.of(
            required("platform", ValueType.PLATFORM, "平台", "渠道", "platform", "channel"),
            required("started_at", ValueType.DATE_TIME, "开播时间", "直播开始时间", "开始时间", "start time",
                    "started at", "start"),
            required("minutes", ValueType.MINUTES, "直播时长", "时长", "时长(分钟)", "duration", "minutes"),
            required("viewers", ValueType.COUNT, "观看人数", "场观", "观看人次", "累计观看", "viewers", "views"),
            optional("peak_concurrent", ValueType.COUNT, "最高在线", "峰值在线", "最高在线人数", "peak", "peak viewers"),
            optional("engaged", ValueType.COUNT, "互动人数", "engaged"),
            required("buyers", ValueType.COUNT, "成交人数", "下单人数", "购买人数", "buyers"),
            required("revenue", ValueType.AMOUNT, "成交金额", "销售额", "gmv", "revenue"))),

    /** A post's cumulative reach as measured at a time (long shape: one row per post and time). */
    REACH_SNAPSHOTS("post_reach_snapshot", List.of("post_id", "taken_at"), List.of(
            required("post", ValueType.ID, "作品id", "视频id", "笔记id", "内容id", "文章id", "bv号", "bvid", "post id",
                    "video id", "content id", "post"),
            required("platform", ValueType.PLATFORM, "平台", "渠道", "platform", "channel"),
            // Not a bare "time": a post export's "publish time" contains it, and would be taken for a snapshot list.
            required("taken_at", ValueType.DATE_TIME, "统计时间", "采集时间", "数据时间", "快照时间", "snapshot time",
                    "snapshot at", "taken at", "measured at"),
            required("reach", ValueType.COUNT, "累计触达", "触达人数", "累计触达人数", "累计播放", "触达", "reach",
                    "cumulative reach")));

    private final String table;
    private final List<String> naturalKey;
    private final List<Field> fields;

    EntityKind(String table, List<String> naturalKey, List<Field> fields) {
        this.table = table;
        this.naturalKey = naturalKey;
        this.fields = fields;
    }

    public String table() {
        return table;
    }

    /** Columns that recognise a row imported before; empty for event logs, which are only appended. */
    public List<String> naturalKey() {
        return naturalKey;
    }

    public List<Field> fields() {
        return fields;
    }

    /** Fields whose presence means one row per order line (the order number repeats on its lines). */
    static final java.util.Set<String> LINE_FIELDS = java.util.Set.of("quantity", "unit_price", "line_amount");

    /** Follower-list fields that are per-person totals, by the engagement kind they count. */
    public static final java.util.Map<String, String> TOTALS = java.util.Map.of("views", "view", "likes", "like",
            "comments", "comment", "shares", "share", "clicks", "click");

    public Optional<Field> field(String key) {
        return fields.stream().filter(f -> f.key().equals(key)).findFirst();
    }

    /** The name used on the command line ({@code --as orders}). */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<EntityKind> fromCliName(String name) {
        for (EntityKind kind : values()) {
            if (kind.cliName().equals(name.toLowerCase(Locale.ROOT)) || kind.table.equals(name)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
