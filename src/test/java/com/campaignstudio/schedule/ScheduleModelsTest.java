package com.campaignstudio.schedule;

import com.campaignstudio.demo.DemoProjects;
import com.campaignstudio.demo.DemoSize;
import com.campaignstudio.project.Project;
import com.campaignstudio.project.ProjectLocations;
import com.campaignstudio.snapshot.Snapshots;
import com.campaignstudio.work.TaskContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The schedule model of the small demo project, figure by figure against the project's own tables. */
class ScheduleModelsTest {

    @TempDir
    static Path folder;
    static Project project;
    static ScheduleModels.Built built;

    @BeforeAll
    static void demo() throws Exception {
        Path file = folder.resolve("demo.campaign");
        DemoProjects.write(ProjectLocations.under(folder.resolve("maker")), file, DemoSize.SMALL, 11L,
                TaskContext.silent());
        project = Project.open(ProjectLocations.under(folder.resolve("home")), file);
        built = ScheduleModels.build(project.database(), new Snapshots(), ScheduleSettings.defaults(),
                TaskContext.silent());
    }

    @AfterAll
    static void close() {
        project.close();
    }

    @Test
    void everySocialPlatformIsModelledFromItsPostsAndLiveStreamsAreNot() {
        ScheduleModel model = built.model();
        for (String platform : List.of("weibo", "wechat", "douyin", "kuaishou", "xiaohongshu", "zhihu", "bilibili")) {
            PlatformModel figures = model.platform(platform).orElseThrow();
            assertTrue(figures.history(), platform);
            assertTrue(figures.register().isCounted() && figures.purchase().isCounted(), platform);
            assertEquals(built.decay().get(platform).lambda(), figures.lambda(), 0, platform);
        }
        assertFalse(model.platformCodes().contains("live"));
    }

    @Test
    void eachFormatDecaysAtThePlantedPace() throws Exception {
        // The demo plants articles at twice and images at three quarters of a platform's half-life (lambda x 0.5 and
        // x 4/3, relative to the platform's mix). The ratio of two formats' lambdas is free of the mix: article /
        // image = 0.5 / (4/3) = 0.375, within 15% on the small demo's posts.
        for (String platform : List.of("weibo", "douyin", "zhihu")) {
            PlatformModel model = built.model().platform(platform).orElseThrow();
            double ratio = model.lambda("article") / model.lambda("image");
            assertEquals(0.375, ratio, 0.15 * 0.375, platform);
        }
    }

    @Test
    void reachClicksAndOrderValuesAreThoseOfTheTables() throws Exception {
        double[] expected = project.database().read(connection -> {
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT AVG(LN(p.reach)), SUM(p.clicks) * 1.0 / SUM(p.impressions), "
                         + "SUM(p.impressions) * 1.0 / SUM(p.reach) FROM post p JOIN platform pl ON pl.id = p.platform_id "
                         + "WHERE pl.code = 'douyin' AND p.reach > 0 AND p.impressions > 0")) {
                rs.next();
                return new double[]{rs.getDouble(1), rs.getDouble(2), rs.getDouble(3)};
            }
        });
        PlatformModel douyin = built.model().platform("douyin").orElseThrow();
        assertEquals(expected[0], douyin.logReachMean(), 1e-9);
        assertEquals(expected[1], douyin.clicksPerImpression(), 1e-9);
        assertEquals(expected[2], douyin.impressionsPerReach(), 1e-9);
        assertEquals(built.rates().get("douyin").rate(3, 21), douyin.slotRate(Slots.of(3, 21)), 1e-15);
        // The activity snapshot leaves guest orders (no customer, no follower: the demo's ad orders) out.
        double[] orders = project.database().read(connection -> {
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT AVG(o.amount), STDDEV_SAMP(o.amount), COUNT(*) "
                         + "FROM customer_order o JOIN platform pl ON pl.id = o.platform_id "
                         + "WHERE pl.code = 'douyin' AND o.status = 'paid' "
                         + "AND (o.customer_ref IS NOT NULL OR o.follower_id IS NOT NULL)")) {
                rs.next();
                return new double[]{rs.getDouble(1), rs.getDouble(2), rs.getDouble(3)};
            }
        });
        assertEquals(orders[0], douyin.orderValue(), 1e-6 * orders[0]);
        assertEquals(orders[1], douyin.orderValueSpread(), 1e-6 * orders[1]);
        assertEquals(orders[1] / Math.sqrt(orders[2]), douyin.orderValueSe(), 1e-6 * orders[1]);
    }

    @Test
    void aWeekOfTheDemoSimulatesWithBuyersAndRevenue() {
        Simulator simulator = new Simulator(built.model());
        LocalDateTime monday = LocalDateTime.of(2026, 10, 5, 0, 0);
        Simulation week = simulator.simulate(SchedulePlan.week(monday, List.of(
                PlannedPost.of("douyin", monday.plusHours(21), "video"),
                PlannedPost.of("weibo", monday.plusDays(2).plusHours(12), "image"))));
        assertTrue(week.total().buyers().mean() > 0, week.total().toString());
        assertTrue(week.total().revenue().high() > week.total().revenue().low());
    }
}
