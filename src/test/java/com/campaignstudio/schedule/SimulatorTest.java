package com.campaignstudio.schedule;

import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SimulatorTest {

    private static final LocalDateTime MONDAY = LocalDateTime.of(2026, 11, 30, 0, 0);

    @Test
    void anExactModelGivesTheWorkedFiguresOfOnePost() {
        // Reach 1,000, half-life 12 h, post 6 h before the horizon (hour 330 of 336): 1000 (1 - 2^-0.5) = 292.893.
        // Impressions = reach x 2 = 585.786; engagements x 0.05 = 29.289; clicks = impressions x 0.01 x rate/platform
        // rate = 5.858; registrations x 0.5 = 2.929; buyers x 0.2: a Poisson(0.5858) count; revenue x 100.
        Simulator simulator = new Simulator(ModelFixtures.model(0.5, ModelFixtures.exact("douyin", 1000, 12, 0.05)));
        LocalDateTime at = MONDAY.plusHours(330);
        SchedulePlan plan = new SchedulePlan(MONDAY, 7, 7, List.of(PlannedPost.of("douyin", at, "video")));

        Outcome outcome = simulator.simulate(plan).posts().getFirst().outcome();

        double reach = 1000 * (1 - Math.pow(2, -0.5));
        assertAll(
                () -> assertEquals(reach, outcome.reach().mean(), 1e-3),
                () -> assertEquals(reach, outcome.reach().low(), 1e-3),
                () -> assertEquals(reach * 2 * 0.05, outcome.engagements().mean(), 1e-3),
                () -> assertEquals(reach * 2 * 0.01, outcome.clicks().mean(), 1e-3),
                () -> assertEquals(reach * 2 * 0.01 * 0.5, outcome.registrations().mean(), 1e-3),
                // Poisson(0.5858): P(0) = 0.5567, P(<= 1) = 0.8828, P(<= 2) = 0.9768: 10th percentile 0, 90th 2.
                () -> assertEquals(0, outcome.buyers().low()),
                () -> assertEquals(2, outcome.buyers().high()),
                // The mean of 2,000 Poisson draws: within 4 standard errors, 4 x sqrt(0.5858 / 2000) = 0.068.
                () -> assertEquals(reach * 2 * 0.01 * 0.5 * 0.2, outcome.buyers().mean(), 0.068),
                () -> assertEquals(100 * outcome.buyers().mean(), outcome.revenue().mean(), 1e-6));
    }

    @Test
    void anArticleDecaysAtItsFormatsPaceAndTiresTheNextPostForLonger() {
        // The fixture's articles decay at half the platform's lambda (half-life 24 h, not 12 h) and reach half as
        // many: 6 h before the horizon an article has 500 (1 - 2^-0.25) = 79.55 of its reach.
        ScheduleModel model = ModelFixtures.model(0.5, ModelFixtures.exact("douyin", 1000, 12, 0.05));
        Simulator simulator = new Simulator(model);
        SchedulePlan plan = new SchedulePlan(MONDAY, 7, 7, List.of(
                PlannedPost.of("douyin", MONDAY.plusHours(330), "article")));

        assertEquals(500 * (1 - Math.pow(2, -0.25)), simulator.simulate(plan).total().reach().mean(), 1e-3);

        // A video 12 h after an article: 2^-0.5 of the article's reach is still to come, so it keeps 1 - 0.5 x 0.7071.
        Simulation pair = simulator.simulate(SchedulePlan.week(MONDAY, List.of(
                PlannedPost.of("douyin", MONDAY, "article"), PlannedPost.of("douyin", MONDAY.plusHours(12), "video"))));
        assertEquals(1 - 0.5 * Math.pow(2, -0.5), pair.posts().get(1).fatigue(), 1e-12);
    }

    @Test
    void reachRateAndOrderValueSpreadTheDrawsAsTheirDistributionsSay() {
        // Reach log-normal with sd 0.6 around log 1000 and its mean uncertain by 0.2: log R ~ N(log 1000, 0.6^2 +
        // 0.2^2), so 10th/90th percentiles 1000 exp(-+1.2816 x 0.6325) = 444.9 and 2247.8, mean 1000 e^0.2 = 1221.4.
        // The post is 30 days from its horizon-less end (half-life 1 h): all its reach is in.
        double[] rates = new double[Slots.COUNT];
        java.util.Arrays.fill(rates, 0.05);
        double[] slotSd = new double[Slots.COUNT];
        java.util.Arrays.fill(slotSd, 0.006);
        PlatformModel spread = new PlatformModel("douyin", true, rates, slotSd, 0.05, 0.008, Math.log(2), 0,
                Math.log(1000), 0.6, 0.2, Map.of(), Map.of(), 2.0, 0.01, ModelFixtures.counted(0.5),
                ModelFixtures.counted(0.2), 100, 0, 0, 4.0);
        ScheduleModel model = new ScheduleModel(Map.of("douyin", spread), 0.5, 20_000, 3);
        SchedulePlan plan = new SchedulePlan(MONDAY, 7, 7, List.of(PlannedPost.of("douyin", MONDAY, "video")));

        Outcome outcome = new Simulator(model).simulate(plan).total();

        double sd = Math.hypot(0.6, 0.2);
        assertEquals(1000 * Math.exp(-1.2816 * sd), outcome.reach().low(), 0.03 * 444.9);
        assertEquals(1000 * Math.exp(1.2816 * sd), outcome.reach().high(), 0.03 * 2247.8);
        assertEquals(1000 * Math.exp(sd * sd / 2), outcome.reach().mean(), 0.03 * 1221.4);
        // Engagements per impression: the slot's 0.05 give or take sqrt(0.006^2 + 0.008^2) = 0.01 per post, so the
        // mean engagements are 2 x mean reach x 0.05.
        assertEquals(2 * outcome.reach().mean() * 0.05, outcome.engagements().mean(),
                0.03 * outcome.engagements().mean());
    }

    @Test
    void revenueCarriesTheSpreadOfSingleOrders() {
        // Buyers ~ Poisson(200); each order 100 give or take 80: revenue has mean 20,000 and variance
        // 200 x 80^2 + 100^2 x 200 = 3.28 million, sd 1,811: its 90th percentile is about 20,000 + 1.2816 x 1,811.
        PlatformModel exact = ModelFixtures.exact("douyin", 100_000, 1, 0.05);
        PlatformModel orders = new PlatformModel("douyin", true, exact.slotRate(), exact.slotSd(), 0.05, 0,
                exact.lambda(), 0, exact.logReachMean(), 0, 0, Map.of(), Map.of(), 2.0, 0.01, exact.register(),
                exact.purchase(), 100, 0, 80, 4.0);
        ScheduleModel model = new ScheduleModel(Map.of("douyin", orders), 0.5, 20_000, 5);
        SchedulePlan plan = new SchedulePlan(MONDAY, 7, 7, List.of(PlannedPost.of("douyin", MONDAY, "video")));

        Band revenue = new Simulator(model).simulate(plan).total().revenue();

        assertEquals(20_000, revenue.mean(), 60);
        assertEquals(20_000 + 1.2816 * Math.sqrt(3.28e6), revenue.high(), 80);
        assertEquals(20_000 - 1.2816 * Math.sqrt(3.28e6), revenue.low(), 80);
    }

    @Test
    void boostBuysReachOnTopOfTheOrganicAndTheTimelineClimbsAsTheDecaySays() {
        // 250 yuan at 4 impressions a yuan, 2 impressions per person: 500 more people on top of the organic 1,000.
        Simulator simulator = new Simulator(ModelFixtures.model(0.5, ModelFixtures.exact("douyin", 1000, 12, 0.05)));
        SchedulePlan boosted = SchedulePlan.week(MONDAY, List.of(
                new PlannedPost("douyin", MONDAY.plusHours(10), "video", "", 250, false)));

        Simulation simulation = simulator.simulate(boosted);

        assertEquals(1500 * (1 - Math.pow(2, -(336 - 10) / 12.0)), simulation.total().reach().mean(), 1e-2);
        double[] curve = simulation.cumulativeReach().get("douyin");
        // At the end of hour 15 the post is 6 h old: 1,500 (1 - 2^-0.5).
        assertEquals(1500 * (1 - Math.pow(2, -0.5)), curve[15], 1e-6);
        assertEquals(0, curve[9]);
        assertEquals(1500 * (1 - Math.pow(2, -1 / 12.0)), curve[10], 1e-6);
    }

    @Test
    void aLargeBuyerCountHasThePoissonSpreadOfItsMean() {
        // Reach 100,000 long before the horizon: buyers ~ Poisson(100,000 x 2 x 0.01 x 0.5 x 0.2 = 200), whose 10th
        // and 90th percentiles are 200 -+ 1.2816 x sqrt(200) = 181.9 and 218.1.
        Simulator simulator = new Simulator(ModelFixtures.model(0.5, ModelFixtures.exact("douyin", 100_000, 1, 0.05)));
        SchedulePlan plan = new SchedulePlan(MONDAY, 7, 7, List.of(PlannedPost.of("douyin", MONDAY, "video")));

        Band buyers = simulator.simulate(plan).total().buyers();

        assertAll(() -> assertEquals(200, buyers.mean(), 1.0),
                () -> assertEquals(181.9, buyers.low(), 1.5),
                () -> assertEquals(218.1, buyers.high(), 1.5));
    }

    @Test
    void twoOverlappingPostsAreWorthLessThanTwoSeparateOnesAndNeverNegative() {
        ScheduleModel model = ModelFixtures.model(0.5, ModelFixtures.exact("weibo", 1000, 4, 0.05));
        Simulator simulator = new Simulator(model);
        double single = reach(simulator, List.of(PlannedPost.of("weibo", MONDAY, "video")));
        double overlapping = reach(simulator, List.of(PlannedPost.of("weibo", MONDAY, "video"),
                PlannedPost.of("weibo", MONDAY.plusHours(1), "video")));
        double apart = reach(simulator, List.of(PlannedPost.of("weibo", MONDAY, "video"),
                PlannedPost.of("weibo", MONDAY.plusDays(3), "video")));

        // One hour after a post with a 4-hour half-life, 2^-0.25 = 84.1% of its reach is still to come; half of
        // that audience is lost: the second post brings 1 - 0.5 x 0.8409 = 57.96% of a separate one.
        assertEquals(single * (1 + 1 - 0.5 * Math.pow(2, -0.25)), overlapping, 1e-6 * single);
        // Draws are kept as floats: figures agree to a few parts in ten million.
        assertEquals(single * (2 - 0.5 * Math.pow(2, -72.0 / 4)), apart, 3e-7 * single, "72 h apart: 18 half-lives");
        assertTrue(overlapping < apart);

        List<PlannedPost> pileUp = java.util.stream.IntStream.range(0, 20)
                .mapToObj(i -> PlannedPost.of("weibo", MONDAY, "video")).toList();
        Simulation full = new Simulator(model.withFatigue(1)).simulate(SchedulePlan.week(MONDAY, pileUp));
        assertTrue(full.posts().stream().allMatch(p -> p.fatigue() >= 0 && p.outcome().reach().low() >= 0));
        assertEquals(single, full.total().reach().mean(), 1e-6 * single, "with fatigue 1 only the first counts");
    }

    @Test
    void movingOnePostLeavesTheOtherPostsDrawsAlone() {
        PlatformModel noisy = withNoise(ModelFixtures.exact("weibo", 1000, 4, ModelFixtures.randomRates(0.05, 0.5, 3)));
        PlatformModel other = withNoise(ModelFixtures.exact("zhihu", 500, 72, 0.04));
        Simulator simulator = new Simulator(ModelFixtures.model(0.5, noisy, other));
        PlannedPost kept = PlannedPost.of("zhihu", MONDAY.plusHours(20), "article");
        SchedulePlan before = SchedulePlan.week(MONDAY, List.of(kept, PlannedPost.of("weibo", MONDAY, "video")));
        SchedulePlan after = SchedulePlan.week(MONDAY, List.of(kept,
                PlannedPost.of("weibo", MONDAY.plusDays(2).plusHours(21), "video")));

        Simulation first = simulator.simulate(before);
        Simulation second = simulator.simulate(after);

        assertEquals(first.posts().getFirst().outcome(), second.posts().getFirst().outcome());
        assertTrue(first.posts().get(1).outcome().engagements().mean()
                != second.posts().get(1).outcome().engagements().mean());
        assertTrue(first.total().reach().low() < first.total().reach().mean());
    }

    @Test
    void totalsAreTheSumOfThePostsAndTheTimelineEndsAtTheExpectedReach() {
        Simulator simulator = new Simulator(ModelFixtures.model(0.3,
                withNoise(ModelFixtures.exact("weibo", 1000, 4, 0.05)),
                withNoise(ModelFixtures.exact("douyin", 3000, 12, 0.06))));
        SchedulePlan plan = SchedulePlan.week(MONDAY, List.of(PlannedPost.of("weibo", MONDAY.plusHours(9), "video"),
                PlannedPost.of("douyin", MONDAY.plusHours(30), "video"),
                PlannedPost.of("weibo", MONDAY.plusHours(11), "article")));

        Simulation simulation = simulator.simulate(plan);

        for (Metric metric : Metric.values()) {
            double sum = simulation.posts().stream().mapToDouble(p -> p.outcome().get(metric).mean()).sum();
            assertEquals(sum, simulation.total().get(metric).mean(), 1e-6 * Math.max(1, sum), metric.key());
            double platforms = simulation.byPlatform().values().stream().mapToDouble(o -> o.get(metric).mean()).sum();
            assertEquals(sum, platforms, 1e-6 * Math.max(1, sum), metric.key());
        }
        double[] weibo = simulation.cumulativeReach().get("weibo");
        assertEquals(plan.hours(), weibo.length);
        assertEquals(0, weibo[8], "nothing before the first post");
        double weiboReach = simulation.posts().stream().filter(p -> p.post().platform().equals("weibo"))
                .mapToDouble(p -> p.outcome().reach().mean()).sum();
        assertEquals(weiboReach, weibo[weibo.length - 1], 0.01 * weiboReach,
                "the expected curve ends near the simulated reach");
    }

    @Test
    void aPostOnAnUnknownPlatformIsLeftOutAndNamed() {
        Simulator simulator = new Simulator(ModelFixtures.model(0.5, ModelFixtures.exact("weibo", 1000, 4, 0.05)));
        PlannedPost unknown = PlannedPost.of("myspace", MONDAY, "video");

        Simulation simulation = simulator.simulate(SchedulePlan.week(MONDAY,
                List.of(unknown, PlannedPost.of("weibo", MONDAY, "video"))));

        assertEquals(List.of(unknown), simulation.unknown());
        assertEquals(1, simulation.posts().size());
        assertEquals(Map.of(), new Simulator(ModelFixtures.model(0.5, ModelFixtures.exact("weibo", 1, 4, 0.05)))
                .simulate(SchedulePlan.week(MONDAY, List.of(unknown))).byPlatform());
    }

    static PlatformModel withNoise(PlatformModel exact) {
        double[] sd = new double[Slots.COUNT];
        java.util.Arrays.fill(sd, exact.platformRate() * 0.1);
        return new PlatformModel(exact.platform(), true, exact.slotRate(), sd, exact.platformRate(),
                exact.platformRate() * 0.2, exact.lambda(), 0.2, exact.logReachMean(), 0.6, 0.1, exact.formatFactor(),
                exact.formatDecay(), exact.impressionsPerReach(), exact.clicksPerImpression(), Rate.counted(50, 100), Rate.counted(20, 100),
                exact.orderValue(), 10, 80, exact.impressionsPerYuan());
    }

    private static double reach(Simulator simulator, List<PlannedPost> posts) {
        return simulator.simulate(SchedulePlan.week(MONDAY, posts)).total().reach().mean();
    }
}
