package com.campaignstudio.portrait;

import com.campaignstudio.project.Project;
import com.campaignstudio.work.TaskContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Distributions, TGI and comparisons of {@link PortraitFixture}, every expected figure worked out by hand. */
class PortraitTest {

    private static final double EPS = 1e-9;

    @TempDir
    Path folder;

    @Test
    void theWholeAudienceCountsEveryValueAsNormalisedWithUnknownsShown() throws Exception {
        try (Project project = PortraitFixture.create(folder)) {
            PortraitResult result = run(project, List.of(PortraitGroup.everyone()), 2);
            Portrait all = result.audience();
            assertEquals(10, all.followers());
            assertEquals(4, all.buyers(), "followers 1, 2, 4 and 7; follower 1 also through customer c1's unlinked o2");
            assertEquals(1, result.unlinkedBuyers(), "customer c9");
            assertEquals(LocalDate.of(2026, 6, 30), result.lastDay());
            assertEquals(Map.of("female", 5L, "male", 3L, "unknown", 2L), counts(all, Trait.GENDER));
            assertEquals(List.of("female", "male", "unknown"), keys(all, Trait.GENDER), "bands in order, unknown last");
            assertEquals(0.5, all.trait(Trait.GENDER).share("female"), EPS);
            assertEquals(0.2, all.trait(Trait.GENDER).share("unknown"), EPS);
            assertEquals(Map.of("18_23", 1L, "24_30", 4L, "31_40", 1L, "41_50", 1L, "over_50", 1L, "unknown", 2L),
                    counts(all, Trait.AGE), "25–34 has its middle (29.5) in 24–30; 50+ counts as 55");
            assertEquals(Map.of("广东", 4L, "北京", 2L, "上海", 2L, "浙江", 1L, "unknown", 1L), counts(all, Trait.REGION));
            assertEquals(List.of("广东", "上海", "北京", "浙江", "unknown"), keys(all, Trait.REGION),
                    "most common first, ties by key, unknown last");
            assertEquals(Map.of("douyin", 5L, "weibo", 5L), counts(all, Trait.PLATFORM));
            // Tenure to 2026-06-30: 180, 60, 10, 545, -, 5, 121, 759, 29 and 211 days.
            assertEquals(Map.of("under_1m", 3L, "1_3m", 1L, "3_6m", 2L, "6_12m", 1L, "1_2y", 1L, "2y_up", 1L,
                    "unknown", 1L), counts(all, Trait.TENURE));
            assertEquals(4, all.trait(Trait.PRICE_BAND).base(), "spending levels are of buyers");
            assertEquals(Map.of("100_199", 1L, "500_999", 1L, "below_50", 1L, "1000_1999", 1L),
                    counts(all, Trait.PRICE_BAND), "means 149, 699, 49 and 1999; the refund does not count");
            assertEquals(Map.of("A", 2L, "B", 2L, "C", 1L), counts(all, Trait.PRODUCT),
                    "A by 1 and 2 (7's A was refunded), B by 1 and 7, C by 4; c9's C is no follower's");
            assertEquals(0.5, all.trait(Trait.PRODUCT).share("A"), EPS);
            ActiveHours hours = all.activeHours();
            assertEquals(5, hours.at(0, 20), "Monday 20h: 3 + 2, the watch minutes left out");
            assertEquals(1, hours.at(1, 9));
            assertEquals(5, hours.at(6, 21), "Sunday 21h");
            assertEquals(11, hours.total(), "the per-person total of 100 is no interaction with a time");
            assertEquals(5.0 / 11, hours.share(6, 21), EPS);
        }
    }

    @Test
    void buyersAreIndexedAgainstEveryoneMostDistinctiveFirst() throws Exception {
        try (Project project = PortraitFixture.create(folder)) {
            PortraitResult result = run(project, List.of(PortraitGroup.buyers()), 2);
            PortraitResult.GroupPortrait buyers = result.groups().getFirst();
            assertEquals(4, buyers.portrait().followers());
            assertEquals(Map.of("female", 3L, "male", 1L, "unknown", 0L), counts(buyers.portrait(), Trait.GENDER),
                    "unknown is shown even at nought");
            Map<String, IndexRow> tgi = buyers.tgi().stream()
                    .collect(Collectors.toMap(row -> row.trait().key() + ":" + row.key(), row -> row));
            // share among buyers / share among all followers x 100
            assertEquals(150, tgi.get("gender:female").index(), EPS, "(3/4) / (5/10)");
            assertEquals(100 * 0.25 / 0.3, tgi.get("gender:male").index(), EPS, "(1/4) / (3/10)");
            assertEquals(125, tgi.get("age:24_30").index(), EPS, "(2/4) / (4/10)");
            assertEquals(250, tgi.get("age:18_23").index(), EPS, "(1/4) / (1/10)");
            assertEquals(125, tgi.get("region:广东").index(), EPS, "(2/4) / (4/10)");
            assertEquals(0, tgi.get("region:浙江").index(), EPS, "no buyer in Zhejiang");
            assertEquals(150, tgi.get("platform:douyin").index(), EPS);
            assertEquals(50, tgi.get("platform:weibo").index(), EPS);
            assertEquals(250, tgi.get("tenure:3_6m").index(), EPS, "(2/4) / (2/10)");
            assertFalse(tgi.containsKey("product:A") || tgi.containsKey("price:100_199"),
                    "the buyers' products and spending against all buyers: the same people, every index 100");
            assertFalse(tgi.containsKey("gender:unknown"), "unknown is no trait to rank");
            assertEquals(List.of("tenure:3_6m", "gender:female", "platform:douyin", "age:24_30", "region:广东"),
                    buyers.tgi().stream().filter(row -> !row.tooFew()).map(row -> row.trait().key() + ":" + row.key())
                            .toList(), "by |ln(TGI/100)|: 250, then 150 (gender before platform), 125");
            assertTrue(tgi.get("gender:male").tooFew(), "one buyer is below the minimum of two");
            int firstTooFew = buyers.tgi().indexOf(tgi.get("gender:male"));
            assertTrue(buyers.tgi().subList(firstTooFew, buyers.tgi().size()).stream().allMatch(IndexRow::tooFew),
                    "rows with too few people come after all the others");
        }
    }

    @Test
    void twoGroupsSideBySideAreComparedWithTheSecondAsBase() throws Exception {
        try (Project project = PortraitFixture.create(folder)) {
            PortraitResult result = run(project, List.of(PortraitGroup.buyers(), PortraitGroup.onPlatform("douyin")), 2);
            Portrait douyin = result.groups().get(1).portrait();
            assertEquals(5, douyin.followers());
            assertEquals(Map.of("female", 4L, "unknown", 1L), counts(douyin, Trait.GENDER));
            assertEquals(10, douyin.activeHours().total(), "followers 1, 2 and 7: 3 + 2 + 5");
            Map<String, IndexRow> byKey = result.comparison().stream()
                    .collect(Collectors.toMap(row -> row.trait().key() + ":" + row.key(), row -> row));
            assertEquals(100 * 0.75 / 0.8, byKey.get("gender:female").index(), EPS, "buyers 3/4 against Douyin 4/5");
            assertEquals(0.8, byKey.get("gender:female").baseShare(), EPS);
            assertTrue(Double.isNaN(byKey.get("gender:male").index()), "no Douyin follower is male: no base share");
            assertTrue(byKey.get("gender:male").tooFew());
            assertEquals(100 * (2.0 / 4) / (2.0 / 3), byKey.get("product:A").index(), EPS,
                    "2 of the 4 buyers bought A, against 2 of Douyin's 3 buyers (followers 1, 2, 7)");
        }
    }

    @Test
    void anIndexBelowTheMinimumCountIsGreyedNotRanked() throws Exception {
        try (Project project = PortraitFixture.create(folder)) {
            PortraitResult result = run(project, List.of(PortraitGroup.buyers()), 3);
            List<String> ranked = result.groups().getFirst().tgi().stream().filter(row -> !row.tooFew())
                    .map(row -> row.trait().key() + ":" + row.key()).toList();
            assertEquals(List.of("gender:female", "platform:douyin"), ranked,
                    "with a minimum of 3 only the values three buyers share are ranked");
            PortraitResult defaults = new PortraitRun(project.database(), new Audiences())
                    .run(List.of(PortraitGroup.buyers()), TaskContext.silent());
            assertEquals(Portraits.MIN_COUNT, defaults.minCount());
            assertTrue(defaults.groups().getFirst().tgi().stream().allMatch(IndexRow::tooFew),
                    "no value has 30 buyers in a project of ten followers");
        }
    }

    private static PortraitResult run(Project project, List<PortraitGroup> groups, int minCount) throws Exception {
        PortraitRun run = new PortraitRun(project.database(), new Audiences());
        AudienceTable table = new Audiences().of(project.database(), TaskContext.silent());
        List<BitSet> members = new java.util.ArrayList<>();
        for (PortraitGroup group : groups) {
            members.add(run.members(table, group));
        }
        return PortraitRun.of(table, groups, members, minCount);
    }

    private static Map<String, Long> counts(Portrait portrait, Trait trait) {
        return portrait.trait(trait).values().stream().collect(Collectors.toMap(Share::key, Share::count));
    }

    private static List<String> keys(Portrait portrait, Trait trait) {
        return portrait.trait(trait).values().stream().map(Share::key).toList();
    }
}
