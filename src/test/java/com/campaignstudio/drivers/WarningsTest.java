package com.campaignstudio.drivers;

import com.campaignstudio.work.TaskContext;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Collinear, constant and separating inputs and small samples are named, and only when they should be. */
class WarningsTest {

    @Test
    void inputsThatMoveTogetherAreWarnedAboutByName() throws Exception {
        Random random = new Random(3);
        int n = 1_000;
        double[] views = new double[n];
        double[] likes = new double[n];
        double[] clicks = new double[n];
        double[] orders = new double[n];
        for (int i = 0; i < n; i++) {
            views[i] = 100 + 30 * random.nextGaussian();
            // Likes follow views closely: r² about 0.96, so a VIF near 25.
            likes[i] = views[i] / 10 + 0.6 * random.nextGaussian();
            clicks[i] = random.nextInt(5);
            orders[i] = 0.01 * views[i] + 0.2 * clicks[i] + random.nextGaussian();
        }
        DriverTable table = new Tables().number(DriverInput.VIEWS, views).number(DriverInput.LIKES, likes)
                .number(DriverInput.CLICKS, clicks).orders(orders);

        DriversResult collinear = Drivers.fit(table, Outcome.ORDERS,
                List.of(DriverInput.VIEWS, DriverInput.LIKES, DriverInput.CLICKS), TaskContext.silent());
        DriversResult apart = Drivers.fit(table, Outcome.ORDERS, List.of(DriverInput.VIEWS, DriverInput.CLICKS),
                TaskContext.silent());

        List<DriverMessage> warnings = collinear.warnings();
        assertEquals(2, warnings.size(), warnings.toString());
        assertEquals(new DriverMessage("drivers.warning.collinear", List.of(DriverInput.VIEWS, DriverInput.LIKES),
                List.of(warnings.get(0).values().getFirst())), warnings.get(0));
        assertEquals(List.of(DriverInput.LIKES, DriverInput.VIEWS), warnings.get(1).inputs());
        assertTrue(collinear.terms().get(0).vif() > 10 && collinear.terms().get(2).vif() < 1.1);
        assertEquals(1.0, apart.terms().get(0).vif(), 0.05);
        assertTrue(apart.warnings().isEmpty(), apart.warnings().toString());
        assertEquals("Views moves together with Likes (variance inflation " + warnings.get(0).values().getFirst()
                        + ", above 10): its coefficient and interval are unreliable and may trade places with the "
                        + "other's. Consider leaving one out.", DriverText.english().message(warnings.get(0)));
    }

    @Test
    void anInputThatIsASumOfOthersIsRefusedByName() {
        Random random = new Random(5);
        int n = 200;
        double[] likes = new double[n];
        double[] comments = new double[n];
        double[] shares = new double[n];
        double[] orders = new double[n];
        for (int i = 0; i < n; i++) {
            likes[i] = random.nextInt(20);
            comments[i] = random.nextInt(10);
            shares[i] = likes[i] + comments[i];
            orders[i] = random.nextInt(3);
        }
        DriverTable table = new Tables().number(DriverInput.LIKES, likes).number(DriverInput.COMMENTS, comments)
                .number(DriverInput.SHARES, shares).orders(orders);

        DriversException refused = assertThrows(DriversException.class, () -> Drivers.fit(table, Outcome.ORDERS,
                List.of(DriverInput.LIKES, DriverInput.COMMENTS, DriverInput.SHARES), TaskContext.silent()));

        assertEquals("drivers.error.collinear", refused.reason().key());
        assertEquals(List.of(DriverInput.SHARES), refused.reason().inputs());
        assertEquals("Shares is an exact combination of the other inputs (perfectly collinear), so its own part "
                + "cannot be told apart: leave it out.", refused.getMessage());
    }

    @Test
    void anInputWithOneValueIsRefusedByName() {
        DriverTable table = new Tables().number(DriverInput.VIEWS, 1, 2, 3, 4, 5, 6)
                .number(DriverInput.CLICKS, 2, 2, 2, 2, 2, 2)
                .category(DriverInput.PLATFORM, "weibo", "weibo", "weibo", "weibo", "weibo", "weibo")
                .orders(0, 1, 0, 2, 1, 3);

        DriversException constant = assertThrows(DriversException.class, () -> Drivers.fit(table, Outcome.ORDERS,
                List.of(DriverInput.VIEWS, DriverInput.CLICKS), TaskContext.silent()));
        DriversException oneLevel = assertThrows(DriversException.class, () -> Drivers.fit(table, Outcome.ORDERS,
                List.of(DriverInput.PLATFORM), TaskContext.silent()));

        assertEquals(new DriverMessage("drivers.error.constant", List.of(DriverInput.CLICKS), List.of()),
                constant.reason());
        assertEquals(List.of(DriverInput.PLATFORM), oneLevel.reason().inputs());
    }

    @Test
    void fewEventsPerParameterAreWarnedAboutForLogistic() throws Exception {
        // 2 coefficients need 20 of the rarer outcome (Peduzzi et al.): 15 buyers warn, 60 do not.
        DriversResult few = Drivers.fit(buyers(15, 400, 1), Outcome.BOUGHT,
                List.of(DriverInput.VIEWS, DriverInput.CLICKS), TaskContext.silent());
        DriversResult enough = Drivers.fit(buyers(60, 400, 2), Outcome.BOUGHT,
                List.of(DriverInput.VIEWS, DriverInput.CLICKS), TaskContext.silent());

        assertEquals(List.of(new DriverMessage("drivers.warning.few.events", List.of(), List.of("15", "2", "20"))),
                few.warnings());
        assertTrue(enough.warnings().isEmpty(), enough.warnings().toString());
    }

    @Test
    void fewRowsPerParameterAreWarnedAboutForLinear() throws Exception {
        // Green (1991): 104 + 2 rows to test two coefficients.
        DriversResult few = Drivers.fit(buyers(50, 105, 3), Outcome.ORDERS,
                List.of(DriverInput.VIEWS, DriverInput.CLICKS), TaskContext.silent());
        DriversResult enough = Drivers.fit(buyers(50, 106, 4), Outcome.ORDERS,
                List.of(DriverInput.VIEWS, DriverInput.CLICKS), TaskContext.silent());

        assertEquals(List.of(new DriverMessage("drivers.warning.few.rows", List.of(), List.of("105", "2", "106"))),
                few.warnings());
        assertTrue(enough.warnings().isEmpty(), enough.warnings().toString());
    }

    @Test
    void anInputThatSeparatesBuyersCompletelyIsRefusedByName() {
        Random random = new Random(9);
        int n = 300;
        double[] views = new double[n];
        double[] clicks = new double[n];
        boolean[] bought = new boolean[n];
        for (int i = 0; i < n; i++) {
            views[i] = random.nextInt(100);
            clicks[i] = random.nextInt(4);
            bought[i] = views[i] >= 60;
        }
        DriverTable table = new Tables().number(DriverInput.VIEWS, views).number(DriverInput.CLICKS, clicks)
                .bought(bought);

        DriversException refused = assertThrows(DriversException.class, () -> Drivers.fit(table, Outcome.BOUGHT,
                List.of(DriverInput.CLICKS, DriverInput.VIEWS), TaskContext.silent()));

        assertEquals("drivers.error.separation", refused.reason().key());
        assertTrue(refused.reason().inputs().contains(DriverInput.VIEWS), refused.reason().toString());
    }

    @Test
    void aGroupInWhichNobodyBoughtIsQuasiSeparationAndRefused() {
        Random random = new Random(13);
        int n = 600;
        double[] clicks = new double[n];
        String[] platforms = new String[n];
        boolean[] bought = new boolean[n];
        for (int i = 0; i < n; i++) {
            clicks[i] = random.nextInt(5);
            platforms[i] = i % 10 == 0 ? "zhihu" : i % 2 == 0 ? "weibo" : "douyin";
            bought[i] = !platforms[i].equals("zhihu") && random.nextDouble() < 0.1 + 0.05 * clicks[i];
        }
        DriverTable table = new Tables().number(DriverInput.CLICKS, clicks).category(DriverInput.PLATFORM, platforms)
                .bought(bought);

        DriversException refused = assertThrows(DriversException.class, () -> Drivers.fit(table, Outcome.BOUGHT,
                List.of(DriverInput.CLICKS, DriverInput.PLATFORM), TaskContext.silent()));

        assertEquals(List.of(DriverInput.PLATFORM), refused.reason().inputs());
        assertTrue(refused.getMessage().startsWith("Platform tells buyers from non-buyers perfectly"),
                refused.getMessage());
    }

    @Test
    void noBuyersAllBuyersAndMoreCoefficientsThanFollowersAreRefused() {
        DriverTable none = new Tables().number(DriverInput.VIEWS, 1, 2, 3).bought(false, false, false);
        DriverTable all = new Tables().number(DriverInput.VIEWS, 1, 2, 3).bought(true, true, true);
        DriverTable two = new Tables().number(DriverInput.VIEWS, 1, 2).orders(1, 0);

        assertEquals("drivers.error.no.buyers", refusal(none, Outcome.BOUGHT));
        assertEquals("drivers.error.all.buyers", refusal(all, Outcome.BOUGHT));
        assertEquals("drivers.error.too.few.rows", refusal(two, Outcome.ORDERS));
        assertEquals("drivers.error.no.followers", refusal(new Tables().number(DriverInput.VIEWS).orders(),
                Outcome.BOUGHT));
    }

    private static String refusal(DriverTable table, Outcome outcome) {
        return assertThrows(DriversException.class, () -> Drivers.fit(table, outcome, List.of(DriverInput.VIEWS),
                TaskContext.silent())).reason().key();
    }

    /** {@code n} rows, exactly {@code buyers} of them bought, views and clicks unrelated to buying. */
    private static DriverTable buyers(int buyers, int n, long seed) {
        Random random = new Random(seed);
        double[] views = new double[n];
        double[] clicks = new double[n];
        boolean[] bought = new boolean[n];
        for (int i = 0; i < n; i++) {
            views[i] = random.nextInt(500);
            clicks[i] = random.nextInt(8);
            bought[i] = i < buyers;
        }
        return new Tables().number(DriverInput.VIEWS, views).number(DriverInput.CLICKS, clicks).bought(bought);
    }
}
