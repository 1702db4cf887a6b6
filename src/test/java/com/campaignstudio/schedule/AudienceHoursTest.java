package com.campaignstudio.schedule;

import com.campaignstudio.snapshot.ActivityFixture;
import com.campaignstudio.snapshot.ActivitySnapshot;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;

import static com.campaignstudio.snapshot.ActivityFixture.days;
import static com.campaignstudio.snapshot.ActivityFixture.hours;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The audience index on a hand-made week: three Weibo followers, the first the target audience, and one Douyin
 * follower outside it. Expected values are worked out here from the counts, with the prior k = 20.
 */
class AudienceHoursTest {

    private static final int MONDAY_9 = Slots.of(0, 9);
    private static final int TUESDAY_21 = Slots.of(1, 21);
    private static final int WEDNESDAY_12 = Slots.of(2, 12);

    private static ActivitySnapshot week() {
        return new ActivityFixture()
                .follower(1, ActivityFixture.WEIBO).follower(2, ActivityFixture.WEIBO)
                .follower(3, ActivityFixture.WEIBO).follower(4, ActivityFixture.DOUYIN)
                // T0 is Monday 09:00.
                .event(1, "like", hours(0)).event(1, "comment", hours(0.5))
                .event(1, "view", days(3))
                .event(2, "share", hours(0)).event(2, "like", hours(36))
                .event(3, "like", hours(36)).event(3, "like", hours(36.2))
                .event(3, "like", days(2).plus(hours(3))).event(3, "comment", days(2).plus(hours(3)))
                .event(4, "like", hours(0))
                .snapshot();
    }

    @Test
    void aSlotIsTheAudiencesShrunkShareOverEveryonesScaledToAMeanOfOne() {
        Map<String, double[]> index = AudienceHours.of(week(), Set.of(1L));
        assertEquals(Set.of("weibo", "douyin"), index.keySet(), "WeChat has no engagements");

        // Weibo engagements: Monday 9:00 three (two of the audience's), Tuesday 21:00 three, Wednesday 12:00 two;
        // the view is not an engagement. Everyone's shares 3/8, 3/8, 2/8; the audience's 2 of 2 at Monday 9:00.
        double k = 20;
        double monday = (2 + k * 3 / 8.0) / (2 + k) / (3 / 8.0);
        double tuesday = (0 + k * 3 / 8.0) / (2 + k) / (3 / 8.0);
        double wednesday = (0 + k * 2 / 8.0) / (2 + k) / (2 / 8.0);
        double mean = (165 + monday + tuesday + wednesday) / 168;
        double[] weibo = index.get("weibo");
        assertEquals(monday / mean, weibo[MONDAY_9], 1e-12);
        assertEquals(tuesday / mean, weibo[TUESDAY_21], 1e-12);
        assertEquals(wednesday / mean, weibo[WEDNESDAY_12], 1e-12);
        assertEquals(1 / mean, weibo[Slots.of(3, 9)], 1e-12, "no follower engaged on Thursday at 9:00");
        assertEquals(1, Arrays.stream(weibo).average().orElseThrow(), 1e-12);
        assertTrue(weibo[MONDAY_9] > 1.15 && weibo[TUESDAY_21] < 0.91, "the audience's hour stands out");
    }

    @Test
    void aPlatformWhereTheAudienceNeverEngagedIsEveryonesPattern() {
        double[] douyin = AudienceHours.of(week(), Set.of(1L)).get("douyin");
        assertTrue(Arrays.stream(douyin).allMatch(value -> Math.abs(value - 1) < 1e-12), Arrays.toString(douyin));
    }

    @Test
    void anAudienceOfEveryoneIsOneInEverySlot() {
        double[] weibo = AudienceHours.of(week(), Set.of(1L, 2L, 3L)).get("weibo");
        assertTrue(Arrays.stream(weibo).allMatch(value -> Math.abs(value - 1) < 1e-12), Arrays.toString(weibo));
    }
}
