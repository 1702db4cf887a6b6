package com.campaignstudio.dashboard;

import com.campaignstudio.dashboard.DashboardSummary.PlatformCount;
import com.campaignstudio.dashboard.DashboardSummary.WeekRevenue;
import com.campaignstudio.project.Project;
import com.campaignstudio.project.ProjectLocations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The dashboard figures on a hand-computed example. */
class DashboardQueriesTest {

    @TempDir
    Path folder;

    @Test
    void figuresMatchTheWorkedExample() throws Exception {
        try (Project project = Project.create(ProjectLocations.under(folder.resolve("home")),
                folder.resolve("p.campaign"), ZoneId.of("Asia/Shanghai"))) {
            project.database().transaction(connection -> {
                try (Statement s = connection.createStatement()) {
                    // douyin is platform 3, zhihu 6 (V1 migration order).
                    s.execute("INSERT INTO follower (id, platform_id, external_id) VALUES "
                            + "(1, 3, 'f1'), (2, 3, 'f2'), (3, 3, 'f3'), (4, 6, 'f4')");
                    s.execute("INSERT INTO customer_order (order_ref, customer_ref, follower_id, amount, paid_at, status) VALUES "
                            // A: two orders on Monday 2 March = one purchase occasion
                            + "('o1', 'A', 1, 100.00, TIMESTAMP '2026-03-02 10:00:00', 'paid'), "
                            + "('o2', 'A', 1, 50.00, TIMESTAMP '2026-03-02 18:00:00', 'paid'), "
                            // B: Wednesday that week and Tuesday the next = a repeat buyer
                            + "('o3', 'B', 2, 200.00, TIMESTAMP '2026-03-04 09:00:00', 'paid'), "
                            + "('o4', 'B', 2, 80.00, TIMESTAMP '2026-03-10 21:00:00', 'paid'), "
                            // C: a customer who is not a follower
                            + "('o5', 'C', NULL, 30.00, TIMESTAMP '2026-03-11 12:00:00', 'paid'), "
                            // D: refunded only = not a buyer
                            + "('o6', 'D', 3, 500.00, TIMESTAMP '2026-03-12 12:00:00', 'refunded')");
                }
                return null;
            });

            DashboardSummary summary = new DashboardQueries(project.database()).summary();

            assertEquals(4, summary.followers());
            assertEquals(List.of(new PlatformCount("douyin", "Douyin", "抖音", 3),
                    new PlatformCount("zhihu", "Zhihu", "知乎", 1)), summary.followersByPlatform());
            assertEquals(3, summary.buyers());
            assertEquals(0, new BigDecimal("460.00").compareTo(summary.revenue()));
            assertEquals(1, summary.repeatBuyers());
            assertEquals(1.0 / 3, summary.repeatBuyerShare(), 1e-12);
            assertEquals(2, summary.convertedFollowers());
            assertEquals(0.5, summary.overallConversion(), 1e-12);
            assertEquals(2, summary.revenueByWeek().size());
            assertWeek(summary.revenueByWeek().get(0), "2026-03-02", "350.00");
            assertWeek(summary.revenueByWeek().get(1), "2026-03-09", "110.00");
            assertEquals(LocalDate.parse("2026-03-11"), summary.lastSaleDay(), "the refund of 12 March is no sale");
            assertEquals(List.of(summary.revenueByWeek().get(0)), summary.completeWeeks(),
                    "the data end on Wednesday 11 March, so its week is not over");
            assertWeek(summary.partialWeek().orElseThrow(), "2026-03-09", "110.00");
        }
    }

    @Test
    void guestOrdersOnTwoDaysAreRevenueButNoRepeatBuyer() throws Exception {
        try (Project project = Project.create(ProjectLocations.under(folder.resolve("home")),
                folder.resolve("guests.campaign"), ZoneId.of("Asia/Shanghai"))) {
            project.database().transaction(connection -> {
                try (Statement s = connection.createStatement()) {
                    s.execute("INSERT INTO customer_order (order_ref, customer_ref, amount, paid_at, status) VALUES "
                            + "('o1', 'A', 100.00, TIMESTAMP '2026-03-02 10:00:00', 'paid'), "
                            + "('g1', NULL, 99.00, TIMESTAMP '2026-03-03 10:00:00', 'paid'), "
                            + "('g2', NULL, 99.00, TIMESTAMP '2026-03-05 10:00:00', 'paid')");
                }
                return null;
            });

            DashboardSummary summary = new DashboardQueries(project.database()).summary();

            assertEquals(1, summary.buyers());
            assertEquals(0, new BigDecimal("298.00").compareTo(summary.revenue()));
            assertEquals(0, summary.repeatBuyers(), "guests are not one customer who came back");
        }
    }

    @Test
    void aWeekWhoseSundayHasSalesIsComplete() throws Exception {
        try (Project project = Project.create(ProjectLocations.under(folder.resolve("home")),
                folder.resolve("sunday.campaign"), ZoneId.of("Asia/Shanghai"))) {
            project.database().transaction(connection -> {
                try (Statement s = connection.createStatement()) {
                    s.execute("INSERT INTO customer_order (order_ref, customer_ref, amount, paid_at, status) VALUES "
                            + "('o1', 'A', 100.00, TIMESTAMP '2026-03-02 10:00:00', 'paid'), "
                            + "('o2', 'B', 40.00, TIMESTAMP '2026-03-08 23:30:00', 'paid')");
                }
                return null;
            });

            DashboardSummary summary = new DashboardQueries(project.database()).summary();

            assertEquals(summary.revenueByWeek(), summary.completeWeeks());
            assertTrue(summary.partialWeek().isEmpty());
        }
    }

    @Test
    void anEmptyProjectHasAnEmptyDashboard() throws Exception {
        try (Project project = Project.create(ProjectLocations.under(folder.resolve("home")),
                folder.resolve("empty.campaign"), ZoneId.of("Asia/Shanghai"))) {
            DashboardSummary summary = new DashboardQueries(project.database()).summary();
            assertTrue(summary.isEmpty());
            assertEquals(0, summary.repeatBuyerShare());
            assertEquals(0, summary.overallConversion());
            assertTrue(summary.revenueByWeek().isEmpty());
            assertTrue(summary.partialWeek().isEmpty());
        }
    }

    private static void assertWeek(WeekRevenue week, String monday, String revenue) {
        assertEquals(LocalDate.parse(monday), week.weekStart());
        assertEquals(0, new BigDecimal(revenue).compareTo(week.revenue()), week.toString());
    }
}
