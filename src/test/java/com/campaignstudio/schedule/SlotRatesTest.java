package com.campaignstudio.schedule;

import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Best time on a fixture small enough to work by hand. Weibo has three posts with impressions:
 * A Mon 1 Jan 2024 10:00, 1,000 impressions, 50 engagements (video); B Mon 8 Jan 10:30, 3,000 and 90 (video);
 * C Wed 3 Jan 20:00, 2,000 and 20 (article); and D, without impressions. Douyin has one post, 5,000 and 500.
 * So rate_platform = 160 / 6,000, mean impressions 2,000, and with 3 posts' worth k = 6,000 impressions.
 */
class SlotRatesTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final double TOLERANCE = 1e-12;

    private static PostHistory fixture() {
        return PostHistory.builder()
                .add(1, "weibo", "video", LocalDateTime.of(2024, 1, 1, 10, 0), 1000, 800, 50, 7)
                .add(2, "weibo", "video", LocalDateTime.of(2024, 1, 8, 10, 30), 3000, 2000, 90, 9)
                .add(3, "weibo", "article", LocalDateTime.of(2024, 1, 3, 20, 0), 2000, 1500, 20, 3)
                .add(4, "weibo", "image", LocalDateTime.of(2024, 1, 4, 9, 0), 0, 0, 12, 0)
                .add(5, "douyin", "video", LocalDateTime.of(2024, 1, 2, 21, 0), 5000, 4000, 500, 40)
                .build();
    }

    @Test
    void slotsAreShrunkTowardThePlatformRateByPriorPostsTimesMeanImpressions() {
        SlotRates rates = SlotRates.compute(fixture(), SlotQuery.of("weibo", SHANGHAI));
        double platformRate = 160.0 / 6000;
        assertTrue(rates.hasHistory());
        assertEquals(platformRate, rates.platformRate(), TOLERANCE);
        assertEquals(6000, rates.priorImpressions(), TOLERANCE);
        // Monday 10:00 holds A and B: (140 + 6000 x 160/6000) / (4000 + 6000) = 300 / 10000.
        assertEquals(0.03, rates.rate(0, 10), TOLERANCE);
        assertEquals(140.0 / 4000, rates.rawRate(0, 10), TOLERANCE);
        assertEquals(2, rates.posts(0, 10));
        assertEquals(0.03 / platformRate - 1, rates.lift(0, 10), TOLERANCE);
        assertEquals(0.125, rates.lift(0, 10), TOLERANCE);
        // Wednesday 20:00 holds C: (20 + 160) / (2000 + 6000).
        assertEquals(180.0 / 8000, rates.rate(2, 20), TOLERANCE);
        assertEquals(0.01, rates.rawRate(2, 20), TOLERANCE);
        // An empty slot shows the platform's rate and has no raw rate.
        assertEquals(platformRate, rates.rate(4, 3), TOLERANCE);
        assertTrue(Double.isNaN(rates.rawRate(4, 3)));
        assertEquals(0, rates.posts(4, 3));
        assertEquals(3, rates.postsUsed());
        assertEquals(1, rates.leftOut());
    }

    @Test
    void intervalIsTheNormalPosteriorWithTheMethodOfMomentsSpread() {
        SlotRates rates = SlotRates.compute(fixture(), SlotQuery.of("weibo", SHANGHAI));
        double platformRate = 160.0 / 6000;
        // Per-post rates 0.05, 0.03, 0.01: sample variance 0.0004; binomial part at the pooled rate.
        double binomial = platformRate * (1 - platformRate) * (1 / 1000.0 + 1 / 3000.0 + 1 / 2000.0) / 3;
        double sigma = Math.sqrt(0.0004 - binomial);
        assertEquals(sigma, rates.sigma(), 1e-12);
        double sd = sigma / Math.sqrt(2 + 3);
        assertEquals(0.03 - 1.959963984540054 * sd, rates.low(0, 10), 1e-12);
        assertEquals(0.03 + 1.959963984540054 * sd, rates.high(0, 10), 1e-12);
        // An empty slot: three prior posts' worth; the low end is held at 0.
        double emptySd = sigma / Math.sqrt(3);
        assertEquals(Math.max(0, platformRate - 1.959963984540054 * emptySd), rates.low(4, 3), 1e-12);
        assertEquals(platformRate + 1.959963984540054 * emptySd, rates.high(4, 3), 1e-12);
    }

    @Test
    void topSlotsComeBestFirstWithTheirLiftPostsAndInterval() {
        SlotRates rates = SlotRates.compute(fixture(), SlotQuery.of("weibo", SHANGHAI));
        List<SlotRates.Slot> top = rates.top(2);
        assertEquals(2, top.size());
        assertEquals(new SlotRates.Slot(0, 10, 0.03, rates.lift(0, 10), 2, rates.low(0, 10), rates.high(0, 10)),
                top.get(0));
        // Every other slot but Wednesday 20:00 ties at the platform rate; the earliest in the week comes first.
        assertEquals(0, top.get(1).weekday());
        assertEquals(0, top.get(1).hour());
        assertEquals(0, top.get(1).lift(), TOLERANCE);
        SlotRates.Slot last = rates.top(7 * 24).get(7 * 24 - 1);
        assertEquals(2, last.weekday());
        assertEquals(20, last.hour());
    }

    @Test
    void theWeakerThePullTheCloserASlotStaysToItsOwnRate() {
        PostHistory history = fixture();
        SlotRates none = SlotRates.compute(history, new SlotQuery("weibo", Optional.empty(), 0, SHANGHAI, SHANGHAI));
        assertEquals(140.0 / 4000, none.rate(0, 10), TOLERANCE);
        // With no pull an empty slot cannot have a rate of its own; it shows the platform's.
        assertEquals(160.0 / 6000, none.rate(4, 3), TOLERANCE);
        SlotRates strong = SlotRates.compute(history, new SlotQuery("weibo", Optional.empty(), 30, SHANGHAI, SHANGHAI));
        // k = 60,000: (140 + 1600) / 64,000.
        assertEquals(1740.0 / 64000, strong.rate(0, 10), TOLERANCE);
    }

    @Test
    void readingHoursInThePlatformZoneMovesThePostsSlots() {
        // Shanghai is UTC+8: Monday 10:00 there is Monday 02:00 UTC, Wednesday 20:00 is Wednesday 12:00.
        SlotRates utc = SlotRates.compute(fixture(),
                new SlotQuery("weibo", Optional.empty(), 3, SHANGHAI, ZoneId.of("UTC")));
        assertEquals(0, utc.posts(0, 10));
        assertEquals(2, utc.posts(0, 2));
        assertEquals(0.03, utc.rate(0, 2), TOLERANCE);
        assertEquals(1, utc.posts(2, 12));
        // Across midnight and the week's start: Monday 05:00 in Shanghai is Sunday 21:00 UTC.
        PostHistory early = PostHistory.builder()
                .add(1, "zhihu", "article", LocalDateTime.of(2024, 1, 1, 5, 0), 100, 80, 4, 0).build();
        SlotRates shifted = SlotRates.compute(early,
                new SlotQuery("zhihu", Optional.empty(), 3, SHANGHAI, ZoneId.of("UTC")));
        assertEquals(1, shifted.posts(6, 21));
        assertEquals(0, shifted.posts(0, 5));
    }

    @Test
    void aFormatNarrowsThePostsAndThePlatformRate() {
        SlotRates videos = SlotRates.compute(fixture(),
                new SlotQuery("weibo", Optional.of("video"), 3, SHANGHAI, SHANGHAI));
        assertEquals(2, videos.postsUsed());
        assertEquals(0, videos.leftOut());
        assertEquals(140.0 / 4000, videos.platformRate(), TOLERANCE);
        assertEquals(0, videos.posts(2, 20));
        SlotRates images = SlotRates.compute(fixture(),
                new SlotQuery("weibo", Optional.of("image"), 3, SHANGHAI, SHANGHAI));
        assertEquals(1, images.leftOut());
        assertFalse(images.hasHistory());
    }

    @Test
    void aPlatformWithoutPostsShowsTheProjectRateEverywhere() {
        SlotRates zhihu = SlotRates.compute(fixture(), SlotQuery.of("zhihu", SHANGHAI));
        assertFalse(zhihu.hasHistory());
        // All platforms' posts with impressions: (160 + 500) / (6000 + 5000).
        double projectRate = 660.0 / 11000;
        assertEquals(projectRate, zhihu.platformRate(), TOLERANCE);
        for (int weekday = 0; weekday < 7; weekday++) {
            for (int hour = 0; hour < 24; hour++) {
                assertEquals(projectRate, zhihu.rate(weekday, hour), TOLERANCE);
                assertEquals(0, zhihu.lift(weekday, hour), TOLERANCE);
                assertTrue(zhihu.low(weekday, hour) < projectRate && zhihu.high(weekday, hour) > projectRate);
            }
        }
        assertEquals(0, zhihu.postsUsed());
        // Of a format: the format's rate over all platforms, here videos (50 + 90 + 500) / (1000 + 3000 + 5000).
        SlotRates zhihuVideo = SlotRates.compute(fixture(),
                new SlotQuery("zhihu", Optional.of("video"), 3, SHANGHAI, SHANGHAI));
        assertEquals(640.0 / 9000, zhihuVideo.rate(1, 1), TOLERANCE);
    }

    @Test
    void aProjectWithoutPostsUsesTheStatedConstant() {
        SlotRates empty = SlotRates.compute(PostHistory.builder().build(), SlotQuery.of("weibo", SHANGHAI));
        assertFalse(empty.hasHistory());
        assertEquals(SlotRates.NO_POSTS_RATE, empty.rate(3, 12), TOLERANCE);
        assertEquals(SlotRates.NO_POSTS_RATE / 2, empty.sigma(), TOLERANCE);
        assertEquals(0, empty.leftOut());
    }

    @Test
    void aSlotOutsideTheWeekIsRefusedAndSoIsANegativePull() {
        SlotRates rates = SlotRates.compute(fixture(), SlotQuery.of("weibo", SHANGHAI));
        assertThrows(IndexOutOfBoundsException.class, () -> rates.rate(7, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> rates.rate(0, 24));
        assertThrows(IllegalArgumentException.class,
                () -> new SlotQuery("weibo", Optional.empty(), -1, SHANGHAI, SHANGHAI));
    }
}
