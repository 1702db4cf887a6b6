package com.campaignstudio.snapshot;

import com.campaignstudio.text.Reason;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who did what and when, column by column: every engagement event and every paid order of a project in primitive
 * arrays, grouped by person and in time order within each person. Analyses over millions of events (funnels,
 * retention) walk these arrays instead of asking the database again: H2 reads and decodes every row on every scan.
 *
 * <p><b>Persons.</b> Every follower is a person (persons {@code 0..followers()-1}, in ascending follower id). A paid
 * order belongs to its linked follower's person; the orders of a customer reference belong to the follower any of
 * them is linked to, so that a path can run from a post view to a payment. A customer none of whose paid orders is
 * linked to a follower becomes a person of their own (an <i>unlinked buyer</i>), after the followers.
 *
 * <p><b>Events</b> are engagement rows, except per-follower totals ({@code is_total}: an aggregated export's
 * cumulative counts are not events with a time), plus one {@value #FOLLOW} event per follower at its
 * {@code followed_at}. A row with an event count above one is one event here. <b>Orders</b> are the paid ones:
 * refunds and cancellations are never purchases and are left out (counted in {@link #refundsLeftOut()}), and so are
 * orders with neither a customer nor a follower (guest orders, {@link #guestOrdersLeftOut()}).
 *
 * <p><b>Times</b> are the project's wall-clock times (as stored) in seconds since 1970-01-01T00:00, read as if UTC.
 * Ties keep the table's order.
 *
 * <p>The arrays are shared, not copied: callers must not change them.
 */
public final class ActivitySnapshot {

    /** The kind of the event made from a follower's {@code followed_at}. */
    public static final String FOLLOW = "follow";
    /** "No platform, campaign, product or post" in the id columns. */
    public static final int NONE = 0;
    /** A follower without a {@code followed_at}. */
    public static final long NO_TIME = Long.MIN_VALUE;

    /** A platform's code and names in English and Chinese. */
    public record PlatformName(String code, String english, String chinese) {
    }

    /** Rows that the snapshot does not hold, and why. */
    public record LeftOut(long refunds, long guestOrders, long totals, long eventsWithoutFollower) {
    }

    private final int followers;
    private final long[] followerId;
    private final int[] personPlatform;
    private final long[] followedAt;
    private final int[] eventStart;
    private final long[] eventTime;
    private final short[] eventKind;
    private final int[] eventPost;
    private final int[] orderStart;
    private final long[] orderTime;
    private final int[] orderPlatform;
    private final int[] orderCampaign;
    private final int[] orderProduct;
    private final double[] orderAmount;
    private final List<String> kinds;
    private final long[] eventsByKind;
    private final Map<Integer, PlatformName> platforms;
    private final Map<Integer, String> campaigns;
    private final Map<Integer, String> products;
    private final LeftOut leftOut;

    ActivitySnapshot(int followers, long[] followerId, int[] personPlatform, long[] followedAt, int[] eventStart,
                     long[] eventTime, short[] eventKind, int[] eventPost, int[] orderStart, long[] orderTime,
                     int[] orderPlatform, int[] orderCampaign, int[] orderProduct, double[] orderAmount,
                     List<String> kinds, long[] eventsByKind, Map<Integer, PlatformName> platforms,
                     Map<Integer, String> campaigns, Map<Integer, String> products, LeftOut leftOut) {
        this.followers = followers;
        this.followerId = followerId;
        this.personPlatform = personPlatform;
        this.followedAt = followedAt;
        this.eventStart = eventStart;
        this.eventTime = eventTime;
        this.eventKind = eventKind;
        this.eventPost = eventPost;
        this.orderStart = orderStart;
        this.orderTime = orderTime;
        this.orderPlatform = orderPlatform;
        this.orderCampaign = orderCampaign;
        this.orderProduct = orderProduct;
        this.orderAmount = orderAmount;
        this.kinds = List.copyOf(kinds);
        this.eventsByKind = eventsByKind;
        this.platforms = Map.copyOf(platforms);
        this.campaigns = Map.copyOf(campaigns);
        this.products = Map.copyOf(products);
        this.leftOut = leftOut;
    }

    /** All persons: the followers, then the unlinked buyers. */
    public int persons() {
        return personPlatform.length;
    }

    public int followers() {
        return followers;
    }

    /** Customers with paid orders that no follower is linked to: they cannot enter a path that starts on a platform. */
    public int unlinkedBuyers() {
        return persons() - followers;
    }

    /** Persons with at least one paid order whose person is a follower. */
    public int linkedBuyers() {
        int buyers = 0;
        for (int p = 0; p < followers; p++) {
            if (orderStart[p + 1] > orderStart[p]) {
                buyers++;
            }
        }
        return buyers;
    }

    /** The follower id of each follower person ({@code persons 0..followers()-1}), ascending. */
    public long[] followerIds() {
        return followerId;
    }

    /** The person of a follower id, or -1. */
    public int personOfFollower(long id) {
        int found = java.util.Arrays.binarySearch(followerId, id);
        return found < 0 ? -1 : found;
    }

    /** Each person's platform id: the follower's, or for an unlinked buyer that of their first paid order. */
    public int[] personPlatform() {
        return personPlatform;
    }

    /** Each follower's {@code followed_at} in epoch seconds, {@link #NO_TIME} when not known; per follower person. */
    public long[] followedAt() {
        return followedAt;
    }

    /** Person {@code p}'s events are {@code eventStart()[p] .. eventStart()[p+1]-1}. */
    public int[] eventStart() {
        return eventStart;
    }

    public long[] eventTime() {
        return eventTime;
    }

    /** Codes into {@link #kinds()}. */
    public short[] eventKind() {
        return eventKind;
    }

    /** Post ids ({@link #NONE} for none). */
    public int[] eventPost() {
        return eventPost;
    }

    /** Person {@code p}'s paid orders are {@code orderStart()[p] .. orderStart()[p+1]-1}. */
    public int[] orderStart() {
        return orderStart;
    }

    public long[] orderTime() {
        return orderTime;
    }

    public int[] orderPlatform() {
        return orderPlatform;
    }

    public int[] orderCampaign() {
        return orderCampaign;
    }

    public int[] orderProduct() {
        return orderProduct;
    }

    public double[] orderAmount() {
        return orderAmount;
    }

    public int events() {
        return eventTime.length;
    }

    public int orders() {
        return orderTime.length;
    }

    /** The event kinds, by code. */
    public List<String> kinds() {
        return kinds;
    }

    /** The code of {@code kind}, or -1 when no event has it. */
    public int kindCode(String kind) {
        return kinds.indexOf(kind);
    }

    /** How many events have kind code {@code code}. */
    public long eventsOfKind(int code) {
        return code < 0 || code >= eventsByKind.length ? 0 : eventsByKind[code];
    }

    public Map<Integer, PlatformName> platforms() {
        return platforms;
    }

    public Optional<PlatformName> platform(int id) {
        return Optional.ofNullable(platforms.get(id));
    }

    /** The label of platform {@code id}: its code and names, or "unknown platform". */
    public Label platformLabel(int id) {
        PlatformName name = platforms.get(id);
        return name == null ? Label.of("unknown", Reason.of("group.unknownPlatform"))
                : new Label(name.code(), name.english(), name.chinese());
    }

    public Map<Integer, String> campaigns() {
        return campaigns;
    }

    public Map<Integer, String> products() {
        return products;
    }

    public LeftOut leftOut() {
        return leftOut;
    }

    public long refundsLeftOut() {
        return leftOut.refunds();
    }

    public long guestOrdersLeftOut() {
        return leftOut.guestOrders();
    }

    /** The latest time of any event or order, or {@link #NO_TIME} when there is none. */
    public long lastTime() {
        long last = NO_TIME;
        for (int p = 0; p < persons(); p++) {
            if (eventStart[p + 1] > eventStart[p]) {
                last = Math.max(last, eventTime[eventStart[p + 1] - 1]);
            }
            if (orderStart[p + 1] > orderStart[p]) {
                last = Math.max(last, orderTime[orderStart[p + 1] - 1]);
            }
        }
        return last;
    }

    /** The earliest time of any event or order, or {@link #NO_TIME} when there is none. */
    public long firstTime() {
        long first = Long.MAX_VALUE;
        for (int p = 0; p < persons(); p++) {
            if (eventStart[p + 1] > eventStart[p]) {
                first = Math.min(first, eventTime[eventStart[p]]);
            }
            if (orderStart[p + 1] > orderStart[p]) {
                first = Math.min(first, orderTime[orderStart[p]]);
            }
        }
        return first == Long.MAX_VALUE ? NO_TIME : first;
    }

    /** A wall-clock time as the snapshot stores it. */
    public static long second(LocalDateTime time) {
        return time.toEpochSecond(ZoneOffset.UTC);
    }

    /** A stored time back as wall-clock time. */
    public static LocalDateTime time(long second) {
        return LocalDateTime.ofEpochSecond(second, 0, ZoneOffset.UTC);
    }
}
