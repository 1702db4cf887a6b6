package com.campaignstudio.importer;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The words exports use for statuses, kinds, formats and genders, mapped to the project's codes. */
final class Vocabulary {

    private static final Map<String, String> ORDER_STATUS = Map.ofEntries(
            Map.entry("paid", "paid"), Map.entry("已支付", "paid"), Map.entry("已付款", "paid"),
            Map.entry("支付成功", "paid"), Map.entry("交易成功", "paid"), Map.entry("已完成", "paid"),
            Map.entry("完成", "paid"), Map.entry("success", "paid"), Map.entry("completed", "paid"),
            Map.entry("已发货", "paid"), Map.entry("待评价", "paid"),
            Map.entry("部分退款", "paid"), Map.entry("交易完成", "paid"), Map.entry("已收货", "paid"),
            Map.entry("待发货", "paid"), Map.entry("已签收", "paid"), Map.entry("shipped", "paid"),
            Map.entry("refunded", "refunded"), Map.entry("已退款", "refunded"), Map.entry("退款成功", "refunded"),
            Map.entry("退款", "refunded"), Map.entry("refund", "refunded"), Map.entry("退款中", "refunded"),
            Map.entry("售后完成", "refunded"), Map.entry("全额退款", "refunded"), Map.entry("chargeback", "refunded"),
            Map.entry("cancelled", "cancelled"), Map.entry("canceled", "cancelled"), Map.entry("已取消", "cancelled"),
            Map.entry("取消", "cancelled"), Map.entry("交易关闭", "cancelled"), Map.entry("订单关闭", "cancelled"),
            Map.entry("已关闭", "cancelled"), Map.entry("closed", "cancelled"), Map.entry("void", "cancelled"),
            Map.entry("voided", "cancelled"));
    /** What shops write instead of a customer id for a buyer who did not log in. */
    private static final java.util.Set<String> GUEST = java.util.Set.of("guest", "游客", "匿名", "匿名用户", "访客",
            "anonymous", "未登录", "guest checkout");
    private static final Map<String, String> ENGAGEMENT_KIND = Map.ofEntries(
            Map.entry("view", "view"), Map.entry("浏览", "view"), Map.entry("播放", "view"), Map.entry("观看", "view"),
            Map.entry("阅读", "view"), Map.entry("曝光", "view"),
            Map.entry("like", "like"), Map.entry("点赞", "like"), Map.entry("赞", "like"),
            Map.entry("comment", "comment"), Map.entry("评论", "comment"),
            Map.entry("share", "share"), Map.entry("分享", "share"), Map.entry("转发", "share"),
            Map.entry("click", "click"), Map.entry("点击", "click"),
            Map.entry("register", "register"), Map.entry("注册", "register"), Map.entry("报名", "register"),
            Map.entry("live_watch", "live_watch"), Map.entry("直播观看", "live_watch"), Map.entry("看直播", "live_watch"),
            Map.entry("favourite", "favourite"), Map.entry("favorite", "favourite"), Map.entry("收藏", "favourite"),
            Map.entry("follow", "follow"), Map.entry("关注", "follow"));
    private static final Map<String, String> POST_FORMAT = Map.ofEntries(
            Map.entry("video", "video"), Map.entry("视频", "video"), Map.entry("短视频", "video"),
            Map.entry("article", "article"), Map.entry("文章", "article"), Map.entry("长文", "article"),
            Map.entry("回答", "article"), Map.entry("image", "image"), Map.entry("图文", "image"),
            Map.entry("图片", "image"), Map.entry("笔记", "image"), Map.entry("live", "live"), Map.entry("直播", "live"));
    private static final Map<String, String> PRODUCT_KIND = Map.ofEntries(
            Map.entry("course", "course"), Map.entry("课程", "course"), Map.entry("网课", "course"),
            Map.entry("ebook", "ebook"), Map.entry("e-book", "ebook"), Map.entry("电子书", "ebook"),
            Map.entry("column", "column"), Map.entry("专栏", "column"), Map.entry("付费专栏", "column"),
            Map.entry("membership", "membership"), Map.entry("会员", "membership"), Map.entry("社群", "membership"),
            Map.entry("live_class", "live_class"), Map.entry("live class", "live_class"), Map.entry("直播课", "live_class"),
            Map.entry("consulting", "consulting"), Map.entry("咨询", "consulting"));
    private static final Map<String, String> GENDER = Map.ofEntries(
            Map.entry("female", "female"), Map.entry("f", "female"), Map.entry("女", "female"), Map.entry("女性", "female"),
            Map.entry("male", "male"), Map.entry("m", "male"), Map.entry("男", "male"), Map.entry("男性", "male"),
            Map.entry("未知", "unknown"), Map.entry("unknown", "unknown"), Map.entry("其他", "other"),
            Map.entry("other", "other"));
    private static final Pattern DURATION = Pattern.compile(
            "(?:(\\d+(?:\\.\\d+)?)\\s*(?:小时|时|h|hr|hours?))?\\s*(?:(\\d+(?:\\.\\d+)?)\\s*(?:分钟|分|m|min|minutes?))?"
                    + "\\s*(?:(\\d+)\\s*(?:秒|s|sec|seconds?))?");
    private static final Pattern CLOCK = Pattern.compile("(\\d+):(\\d{1,2})(?::(\\d{1,2}))?");

    private Vocabulary() {
    }

    static String orderStatus(String text) throws ValueException {
        String status = ORDER_STATUS.get(key(text));
        if (status == null) {
            throw new ValueException("reject.orderStatus");
        }
        return status;
    }

    /** Whether a customer cell names no one in particular. */
    static boolean isGuest(String text) {
        return GUEST.contains(key(text));
    }

    static String engagementKind(String text) throws ValueException {
        return lookup(ENGAGEMENT_KIND, text, "view, like, comment, share, click, register, live_watch, favourite");
    }

    static String postFormat(String text) {
        return POST_FORMAT.getOrDefault(key(text), "other");
    }

    static String productKind(String text) {
        return PRODUCT_KIND.getOrDefault(key(text), "other");
    }

    static String gender(String text) throws ValueException {
        return lookup(GENDER, text, "female/女, male/男, unknown/未知");
    }

    /** Minutes in {@code 80}, {@code 80分钟}, {@code 1小时20分}, {@code 1h20m} or {@code 1:20:00}. */
    static long minutes(String raw) throws ValueException {
        String text = Text.normalize(raw).toLowerCase(Locale.ROOT);
        if (text.matches("\\d+(\\.\\d+)?")) {
            return Math.round(Double.parseDouble(text));
        }
        Matcher clock = CLOCK.matcher(text);
        if (clock.matches()) {
            long hours = Long.parseLong(clock.group(1));
            long minutes = Long.parseLong(clock.group(2));
            return clock.group(3) == null ? hours * 60 + minutes
                    : Math.round(hours * 60 + minutes + Long.parseLong(clock.group(3)) / 60.0);
        }
        Matcher m = DURATION.matcher(text);
        if (m.matches() && (m.group(1) != null || m.group(2) != null || m.group(3) != null)) {
            double hours = m.group(1) == null ? 0 : Double.parseDouble(m.group(1));
            double minutes = m.group(2) == null ? 0 : Double.parseDouble(m.group(2));
            double seconds = m.group(3) == null ? 0 : Double.parseDouble(m.group(3));
            return Math.round(hours * 60 + minutes + seconds / 60);
        }
        throw new ValueException("reject.duration");
    }

    private static String lookup(Map<String, String> words, String text, String known) throws ValueException {
        String value = words.get(key(text));
        if (value == null) {
            throw new ValueException("reject.unknownValue", known);
        }
        return value;
    }

    private static String key(String text) {
        return Text.normalize(text).toLowerCase(Locale.ROOT);
    }
}
