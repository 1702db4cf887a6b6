package com.campaignstudio.demo;

import com.campaignstudio.demo.PlantedTruth.FunnelRates;
import com.campaignstudio.demo.PlantedTruth.Hill;
import com.campaignstudio.demo.PlantedTruth.Segment;
import com.campaignstudio.project.Project;
import com.campaignstudio.project.ProjectLocations;
import com.campaignstudio.project.ProjectMetadata;
import com.campaignstudio.text.Reason;
import com.campaignstudio.work.CancelledException;
import com.campaignstudio.work.TaskContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The demo data is deterministic and shows the parameters planted in it. Tolerances are four standard
 * errors of the statistic on the small size (so a correct generator fails about once in 15,000 runs of
 * a check, and never with the fixed seed), unless stated otherwise.
 */
class DemoGeneratorTest {

    @TempDir
    static Path folder;
    static Project project;
    static PlantedTruth truth;

    @BeforeAll
    static void generate() throws Exception {
        ProjectLocations locations = ProjectLocations.under(folder.resolve("home"));
        project = DemoProjects.create(locations, folder.resolve("demo.campaign"), DemoSize.SMALL, 7L,
                TaskContext.silent());
        truth = DemoGenerator.fromJson(project.metadata().get(ProjectMetadata.PLANTED_TRUTH).orElseThrow());
    }

    @AfterAll
    static void close() {
        project.close();
    }

    @Test
    void plantedTruthIsStoredInTheProjectAndReadsBack() {
        PlantedTruth expected = PlantedTruth.standard(7L);
        assertEquals(expected.bgNbd(), truth.bgNbd());
        assertEquals(expected.gammaGamma(), truth.gammaGamma());
        assertEquals(expected.funnel(), truth.funnel());
        assertArrayEquals(expected.hourEffect(), truth.hourEffect());
        assertEquals(expected.formatHalfLifeMultiplier(), truth.formatHalfLifeMultiplier());
    }

    @Test
    void sameSeedGivesTheSameDataAndAnotherSeedDoesNot() throws Exception {
        ProjectLocations locations = ProjectLocations.under(folder.resolve("home2"));
        List<String> original = fingerprint(project);
        try (Project again = DemoProjects.create(locations, folder.resolve("again.campaign"), DemoSize.SMALL, 7L,
                TaskContext.silent())) {
            assertEquals(original, fingerprint(again));
        }
        try (Project other = DemoProjects.create(locations, folder.resolve("other.campaign"), DemoSize.SMALL, 8L,
                TaskContext.silent())) {
            assertTrue(!original.equals(fingerprint(other)));
        }
    }

    @Test
    void generatesEveryKindOfDataForSixOrMorePlatforms() throws Exception {
        assertEquals(DemoSize.SMALL.followers(), count("SELECT COUNT(*) FROM follower"));
        assertTrue(count("SELECT COUNT(DISTINCT platform_id) FROM follower") >= 6);
        for (String table : List.of("engagement", "post", "post_reach_snapshot", "customer_order", "product",
                "campaign", "spend", "live_session")) {
            assertTrue(count("SELECT COUNT(*) FROM " + table) > 0, table + " is empty");
        }
    }

    @Test
    void reactionsNameAPostOfTheFollowersPlatformPublishedShortlyBefore() throws Exception {
        long reactions = count("SELECT COUNT(*) FROM engagement WHERE kind IN ('view', 'like', 'comment', 'share', "
                + "'click')");
        assertEquals(reactions, count("SELECT COUNT(*) FROM engagement WHERE post_id IS NOT NULL"),
                "every reaction names a post, and nothing else does (live watching and registering are not on a post)");
        assertEquals(0, count("SELECT COUNT(*) FROM engagement e JOIN post p ON p.id = e.post_id "
                + "JOIN follower f ON f.id = e.follower_id WHERE p.platform_id <> f.platform_id"), "other platform");
        // Before the post only when the platform had published nothing yet (its first post is then named).
        assertEquals(0, count("SELECT COUNT(*) FROM engagement e JOIN post p ON p.id = e.post_id "
                + "JOIN follower f ON f.id = e.follower_id WHERE p.published_at > e.occurred_at AND p.published_at > "
                + "(SELECT MIN(q.published_at) FROM post q WHERE q.platform_id = p.platform_id)"), "a later post");
        assertTrue(count("SELECT COUNT(DISTINCT post_id) FROM engagement") > 0.9 * count("SELECT COUNT(*) FROM post"),
                "nearly every post has reactions");
    }

    @Test
    void segmentSharesMatchThePlantedShares() throws Exception {
        int n = DemoSize.SMALL.followers();
        for (int s = 0; s < truth.segmentCount(); s++) {
            double share = truth.segments().get(s).share();
            double observed = count("SELECT COUNT(*) FROM demo_planted_segment WHERE segment = " + s) / (double) n;
            assertEquals(share, observed, 4 * Math.sqrt(share * (1 - share) / n), "segment " + s);
        }
    }

    @Test
    void segmentsDifferInEngagementAsPlanted() throws Exception {
        // Mean views per follower is the planted mean (at least 1, since every follower was exposed).
        for (int s = 0; s < truth.segmentCount(); s++) {
            Segment segment = truth.segments().get(s);
            double mean = value("SELECT CAST(SUM(e.event_count) AS DOUBLE) / (SELECT COUNT(*) FROM demo_planted_segment "
                    + "WHERE segment = " + s + ") FROM engagement e JOIN demo_planted_segment d "
                    + "ON d.follower_id = e.follower_id WHERE e.kind = 'like' AND d.segment = " + s);
            double planted = segment.meanCounts().get("like");
            // Negative binomial with shape 2: variance = m + m^2 / 2.
            long members = count("SELECT COUNT(*) FROM demo_planted_segment WHERE segment = " + s);
            double se = Math.sqrt((planted + planted * planted / 2) / members);
            assertEquals(planted, mean, 4 * se + 0.02, segment.name());
        }
    }

    @Test
    void funnelStepsFollowThePlantedRatesPerPlatformAndSegment() throws Exception {
        int checked = 0;
        for (String platform : PlantedTruth.platforms()) {
            FunnelRates rates = truth.funnel().get(platform);
            for (int s = 0; s < truth.segmentCount(); s++) {
                Segment segment = truth.segments().get(s);
                String cohort = "FROM follower f JOIN platform p ON p.id = f.platform_id "
                        + "JOIN demo_planted_segment d ON d.follower_id = f.id WHERE p.code = '" + platform
                        + "' AND d.segment = " + s;
                long exposed = count("SELECT COUNT(*) " + cohort);
                long clicked = count("SELECT COUNT(*) " + cohort
                        + " AND EXISTS (SELECT 1 FROM engagement e WHERE e.follower_id = f.id AND e.kind = 'click')");
                if (exposed < 60) {
                    continue;
                }
                double expected = Math.min(0.95, rates.click() * segment.clickMultiplier());
                assertEquals(expected, clicked / (double) exposed,
                        4 * Math.sqrt(expected * (1 - expected) / exposed), platform + "/" + segment.name());
                checked++;
            }
        }
        assertTrue(checked >= 15, "enough cells to check: " + checked);
    }

    @Test
    void repeatPurchasesFollowTheBgNbdExpectation() throws Exception {
        // Mean over buyers of E[X(T_i)] (domain.md section 5) against the mean observed repeat purchases. The ads'
        // guest orders have no customer and are no part of the repeat-purchase process.
        PlantedTruth.BgNbd bg = truth.bgNbd();
        List<double[]> buyers = rows("SELECT COUNT(*) - 1, DATEDIFF('MINUTE', MIN(paid_at), TIMESTAMP '"
                + truth.endDate() + " 23:59:00') / (7.0 * 24 * 60) FROM customer_order WHERE customer_ref IS NOT NULL "
                + "GROUP BY customer_ref");
        double expected = 0;
        double observed = 0;
        for (double[] buyer : buyers) {
            observed += buyer[0];
            expected += expectedRepeats(bg, buyer[1]);
        }
        assertTrue(buyers.size() > 300, "buyers: " + buyers.size());
        // Repeat counts are over-dispersed (NBD mixed with dropout); 12% relative covers 4 standard errors here.
        assertEquals(1.0, observed / expected, 0.12);
    }

    @Test
    void orderValuesFollowTheGammaGammaMean() throws Exception {
        // The customers' orders: the ads' guest orders are priced by product, not by Gamma-Gamma.
        double mean = value("SELECT AVG(amount) FROM customer_order WHERE customer_ref IS NOT NULL");
        long orders = count("SELECT COUNT(*) FROM customer_order WHERE customer_ref IS NOT NULL");
        double planted = truth.gammaGamma().meanOrderValue();
        // Order values vary between and within customers; the sample sd is measured, not assumed.
        double sd = value("SELECT STDDEV_SAMP(amount) FROM customer_order WHERE customer_ref IS NOT NULL");
        assertEquals(planted, mean, 4 * sd / Math.sqrt(orders) * 2, "mean order value");
    }

    @Test
    void postEngagementPeaksInTheEveningAsPlanted() throws Exception {
        double evening = value("SELECT SUM(likes + comments + shares) * 1.0 / SUM(impressions) FROM post "
                + "WHERE HOUR(published_at) BETWEEN 19 AND 22");
        double night = value("SELECT SUM(likes + comments + shares) * 1.0 / SUM(impressions) FROM post "
                + "WHERE HOUR(published_at) BETWEEN 2 AND 5");
        double[] hour = truth.hourEffect();
        double plantedRatio = (hour[19] + hour[20] + hour[21] + hour[22]) / (hour[2] + hour[3] + hour[4] + hour[5]);
        // Platform mix differs between the two slots, so allow 25%.
        assertEquals(plantedRatio, evening / night, plantedRatio * 0.25);
    }

    @Test
    void reachSnapshotsDecayAtThePlantedRatePerPlatform() throws Exception {
        // Videos: the format whose half-life multiplier is 1, so they decay at the platform's own rate.
        assertEquals(1.0, truth.formatHalfLifeMultiplier().get("video"));
        for (String platform : PlantedTruth.platforms()) {
            double halfLife = truth.reachHalfLifeHours().get(platform);
            int hours = nearestSnapshot(halfLife);
            double share = value("SELECT AVG(CAST(s.reach AS DOUBLE) / p.reach) FROM post_reach_snapshot s "
                    + "JOIN post p ON p.id = s.post_id JOIN platform pl ON pl.id = p.platform_id "
                    + "WHERE pl.code = '" + platform + "' AND p.format = 'video' "
                    + "AND s.taken_at = DATEADD('HOUR', " + hours + ", p.published_at)");
            double lambda = -Math.log(1 - share) / hours;
            assertEquals(Math.log(2) / halfLife, lambda, 0.05 * Math.log(2) / halfLife, platform);
        }
    }

    @Test
    void attributedRevenueFollowsThePlantedHillCurve() throws Exception {
        for (String platform : PlantedTruth.platforms()) {
            Hill hill = truth.hill().get(platform);
            List<double[]> days = rows("SELECT s.amount, s.attributed_revenue FROM spend s JOIN platform p "
                    + "ON p.id = s.platform_id WHERE p.code = '" + platform + "' ORDER BY s.spent_on");
            double adstock = 0;
            double ratio = 0;
            int n = 0;
            for (double[] day : days) {
                adstock = day[0] + hill.theta() * adstock;
                // Days of a flighted pause carry a few yuan of adstock, whose response rounds to whole cents: a
                // ratio to a response below 10 yuan would measure the rounding.
                if (hill.response(adstock) >= 10) {
                    ratio += day[1] / hill.response(adstock);
                    n++;
                }
            }
            double noiseMean = Math.exp(SpendSimulation.REVENUE_NOISE * SpendSimulation.REVENUE_NOISE / 2);
            assertEquals(noiseMean, ratio / n, 4 * 0.1 / Math.sqrt(n) + 0.005, platform);
        }
    }

    @Test
    void liveSessionsConvertViewersAtThePlantedRate() throws Exception {
        for (var entry : truth.liveConversion().entrySet()) {
            double viewers = value("SELECT SUM(viewers) FROM live_session l JOIN platform p ON p.id = l.platform_id "
                    + "WHERE p.code = '" + entry.getKey() + "'");
            double buyers = value("SELECT SUM(buyers) FROM live_session l JOIN platform p ON p.id = l.platform_id "
                    + "WHERE p.code = '" + entry.getKey() + "'");
            double p = entry.getValue();
            assertEquals(p, buyers / viewers, 4 * Math.sqrt(p * (1 - p) / viewers), entry.getKey());
        }
    }

    @Test
    void aCancelledGenerationLeavesNoFileAndNoWorkingCopy() {
        ProjectLocations locations = ProjectLocations.under(folder.resolve("home-cancel"));
        Path file = folder.resolve("cancelled.campaign");
        TaskContext cancelAfterFirstProgress = new TaskContext() {
            private boolean progressed;

            @Override
            public void progress(long done, long total) {
                progressed = true;
            }

            @Override
            public void message(Reason message) {
            }

            @Override
            public boolean isCancelled() {
                return progressed;
            }
        };
        assertThrows(CancelledException.class, () -> DemoProjects.create(locations, file, DemoSize.SMALL, 1L,
                cancelAfterFirstProgress));
        assertFalse(java.nio.file.Files.exists(file));
        assertTrue(Project.findRecoverable(locations).isEmpty());
    }

    /** E[X(t)] of BG/NBD (domain.md section 5), with 2F1 summed as a series (t / (alpha + t) < 1). */
    static double expectedRepeats(PlantedTruth.BgNbd bg, double t) {
        double z = t / (bg.alpha() + t);
        double a = bg.r();
        double b = bg.b();
        double c = bg.a() + bg.b() - 1;
        double term = 1;
        double sum = 1;
        for (int k = 0; k < 2000 && Math.abs(term) > 1e-14; k++) {
            term *= (a + k) * (b + k) / ((c + k) * (k + 1)) * z;
            sum += term;
        }
        return (bg.a() + bg.b() - 1) / (bg.a() - 1)
                * (1 - Math.pow(bg.alpha() / (bg.alpha() + t), bg.r()) * sum);
    }

    private static int nearestSnapshot(double hours) {
        int best = ContentSimulation.SNAPSHOT_HOURS[0];
        for (int h : ContentSimulation.SNAPSHOT_HOURS) {
            if (Math.abs(h - hours) < Math.abs(best - hours)) {
                best = h;
            }
        }
        return best;
    }

    private static List<String> fingerprint(Project p) throws SQLException {
        return p.database().read(connection -> {
            List<String> parts = new ArrayList<>();
            for (String sql : List.of(
                    "SELECT COUNT(*), SUM(platform_id), MIN(followed_at), MAX(followed_at) FROM follower",
                    "SELECT COUNT(*), SUM(event_count), MAX(occurred_at) FROM engagement",
                    "SELECT COUNT(*), SUM(amount), MAX(paid_at) FROM customer_order",
                    "SELECT COUNT(*), SUM(impressions), SUM(likes) FROM post",
                    "SELECT COUNT(*), SUM(amount), SUM(attributed_revenue) FROM spend",
                    "SELECT COUNT(*), SUM(viewers), SUM(buyers) FROM live_session")) {
                try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
                    rs.next();
                    StringBuilder row = new StringBuilder();
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        row.append(rs.getString(i)).append('|');
                    }
                    parts.add(row.toString());
                }
            }
            return parts;
        });
    }

    private static long count(String sql) throws SQLException {
        return (long) value(sql);
    }

    private static double value(String sql) throws SQLException {
        return project.database().read(connection -> {
            try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
                rs.next();
                return rs.getDouble(1);
            }
        });
    }

    private static List<double[]> rows(String sql) throws SQLException {
        return project.database().read((Connection connection) -> {
            List<double[]> rows = new ArrayList<>();
            try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    double[] row = new double[columns];
                    for (int i = 0; i < columns; i++) {
                        row[i] = rs.getDouble(i + 1);
                    }
                    rows.add(row);
                }
            }
            return rows;
        });
    }
}
