package com.campaignstudio.snapshot;

import com.campaignstudio.work.TaskContext;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Small hand-made activity for tests: followers on platforms, their events and orders at times given as offsets from
 * {@link #T0}. Rows may be given in any order; {@link #snapshot()} builds the snapshot the analyses read.
 */
public final class ActivityFixture {

    /** Monday 5 January 2026, 09:00. */
    public static final LocalDateTime T0 = LocalDateTime.of(2026, 1, 5, 9, 0);
    public static final int WEIBO = 1;
    public static final int WECHAT = 2;
    public static final int DOUYIN = 3;

    private record Follower(long id, int platform, LocalDateTime followed) {
    }

    private record Event(long follower, LocalDateTime at, String kind) {
    }

    private record Order(String customer, long follower, LocalDateTime at, double amount, int platform, long campaign,
                         long product, boolean paid) {
    }

    private final List<Follower> followers = new ArrayList<>();
    private final List<Event> events = new ArrayList<>();
    private final List<Order> orders = new ArrayList<>();
    private long totals;

    public static LocalDateTime at(Duration offset) {
        return T0.plus(offset);
    }

    public static Duration days(double days) {
        return Duration.ofSeconds(Math.round(days * 86_400));
    }

    public static Duration hours(double hours) {
        return Duration.ofSeconds(Math.round(hours * 3600));
    }

    public ActivityFixture follower(long id, int platform) {
        followers.add(new Follower(id, platform, null));
        return this;
    }

    public ActivityFixture follower(long id, int platform, LocalDateTime followed) {
        followers.add(new Follower(id, platform, followed));
        return this;
    }

    /** An event of follower {@code id}, {@code offset} after {@link #T0}. */
    public ActivityFixture event(long id, String kind, Duration offset) {
        events.add(new Event(id, at(offset), kind));
        return this;
    }

    public ActivityFixture event(long id, String kind, LocalDateTime at) {
        events.add(new Event(id, at, kind));
        return this;
    }

    /** A paid order of follower {@code id} (customer "c" + id), on the follower's platform field left empty. */
    public ActivityFixture purchase(long id, Duration offset, double amount) {
        return order("c" + id, id, at(offset), amount, 0, 0, 0, true);
    }

    public ActivityFixture order(String customer, long follower, LocalDateTime at, double amount, int platform, long campaign,
                          long product, boolean paid) {
        orders.add(new Order(customer, follower, at, amount, platform, campaign, product, paid));
        return this;
    }

    public ActivityFixture total() {
        totals++;
        return this;
    }

    public ActivitySnapshot snapshot() {
        SnapshotBuilder builder = new SnapshotBuilder()
                .platform(WEIBO, "weibo", "Weibo", "微博")
                .platform(WECHAT, "wechat", "WeChat", "微信")
                .platform(DOUYIN, "douyin", "Douyin", "抖音")
                .campaign(1, "Spring launch").campaign(2, "Summer sale")
                .product(1, "Course").product(2, "E-book");
        for (Follower follower : followers) {
            builder.follower(follower.id(), follower.platform(), follower.followed());
        }
        for (Event event : events) {
            builder.event(event.follower(), event.at(), event.kind(), 0);
        }
        for (long t = 0; t < totals; t++) {
            builder.total();
        }
        for (Order order : orders) {
            builder.order(order.customer(), order.follower(), order.at(), order.amount(), order.platform(),
                    order.campaign(), order.product(), order.paid());
        }
        return builder.build(TaskContext.silent());
    }
}
