package com.campaignstudio.importer;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MappingSuggesterTest {

    @Test
    void mapsChineseOrderHeaders() {
        ColumnMapping mapping = MappingSuggester.suggest(EntityKind.ORDERS,
                List.of("订单编号", "买家ID", "商品名称", "实付金额", "下单时间", "支付时间", "订单状态", "渠道", "备注"));
        assertEquals(Map.of("order_ref", 0, "customer_ref", 1, "product", 2, "amount", 3, "paid_at", 5,
                "status", 6, "platform", 7), mapping.columns());
        assertTrue(mapping.missing(EntityKind.ORDERS).isEmpty());
    }

    @Test
    void mapsEnglishOrderHeadersIgnoringCaseAndPunctuation() {
        ColumnMapping mapping = MappingSuggester.suggest(EntityKind.ORDERS,
                List.of("Order_ID", "Customer ID", "Paid Amount", "Paid At (UTC+8)", "Product Name"));
        assertEquals(0, mapping.column("order_ref").orElseThrow());
        assertEquals(1, mapping.column("customer_ref").orElseThrow());
        assertEquals(2, mapping.column("amount").orElseThrow());
        assertEquals(3, mapping.column("paid_at").orElseThrow());
        assertEquals(4, mapping.column("product").orElseThrow());
    }

    @Test
    void mapsPostAndFollowerHeaders() {
        ColumnMapping posts = MappingSuggester.suggest(EntityKind.POSTS,
                List.of("笔记ID", "发布时间", "标题", "曝光量", "点赞数", "评论数", "分享数", "涨粉数"));
        assertEquals(Map.of("external_id", 0, "published_at", 1, "topic", 2, "impressions", 3, "likes", 4,
                "comments", 5, "shares", 6, "follows_gained", 7), posts.columns());
        assertEquals(List.of("platform"), posts.missing(EntityKind.POSTS).stream().map(Field::key).toList(),
                "a platform's own export has no platform column; the user gives it");
        ColumnMapping followers = MappingSuggester.suggest(EntityKind.FOLLOWERS, List.of("用户ID", "昵称", "性别", "IP属地"));
        assertEquals(Map.of("external_id", 0, "gender", 2, "region", 3), followers.columns(),
                "the nickname is personal data and fills no field");
    }
}
