package com.campaignstudio.budget;

import com.campaignstudio.ltv.BgNbd;
import com.campaignstudio.ltv.GammaGamma;
import com.campaignstudio.ltv.LtvResult;
import com.campaignstudio.ltv.LtvRun;
import com.campaignstudio.ltv.LtvSettings;
import com.campaignstudio.project.Project;
import com.campaignstudio.project.ProjectLocations;
import com.campaignstudio.work.TaskContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The weekly series a response fit reads from a project, summed by hand from a small fixture. */
class BudgetDataTest {

    /** A Monday: week 0 runs from here to the Sunday after. */
    private static final LocalDate MONDAY = LocalDate.of(2026, 1, 5);

    @TempDir
    Path folder;
    Project project;

    @BeforeEach
    void create() throws Exception {
        project = Project.create(ProjectLocations.under(folder.resolve("home")), folder.resolve("p.campaign"),
                ZoneId.of("Asia/Shanghai"));
        project.database().transaction(connection -> {
            for (int week = 0; week < 10; week++) {
                spend(connection, week * 7, "weibo", 100 * (week + 1));
            }
            spend(connection, 16, "weibo", 30);            // a second row in week 2
            spend(connection, 13, "douyin", 500);          // the Sunday of week 1
            spend(connection, 36, "douyin", 120);          // week 5, in two campaigns' rows
            spend(connection, 36, "douyin", 80);
            spend(connection, 72, "weibo", 70);            // Wednesday of week 10: the last spend, a week cut short
            order(connection, "o1", "A", 1, 99, "paid");
            order(connection, "o2", "A", 1, 50, "paid");    // A's first day has two orders: one first purchase
            order(connection, "o3", "A", 20, 199, "paid");
            order(connection, "o4", "B", 8, 300, "refunded");
            order(connection, "o5", "B", 15, 80, "paid");   // B's first paid order is in week 2
            order(connection, "o6", null, 30, 60, "paid");  // guest orders: each a buyer acquired
            order(connection, "o7", null, 31, 40, "paid");
            order(connection, "o8", "D", -3, 70, "paid");   // D first bought before the first week of spend
            order(connection, "o9", "D", 22, 30, "paid");
            order(connection, "o10", "C", 80, 500, "paid"); // after the last complete week
            long follower = follower(connection);
            engagement(connection, follower, 2, "register", 1);
            engagement(connection, follower, 9, "register", 3);
            engagement(connection, follower, 9, "like", 5);
            engagement(connection, follower, 75, "register", 1);
            return null;
        });
    }

    @AfterEach
    void close() {
        project.close();
    }

    @Test
    void spendIsSummedPerPlatformAndWeekUpToTheLastCompleteWeek() throws Exception {
        WeeklyHistory history = new BudgetData(project.database()).read(BudgetGoal.REVENUE, TaskContext.silent());

        assertEquals(MONDAY, history.firstWeek());
        assertEquals(List.of("douyin", "weibo"), history.platforms());
        assertArrayEquals(new double[]{0, 500, 0, 0, 0, 200, 0, 0, 0, 0}, history.spend()[0]);
        assertArrayEquals(new double[]{100, 200, 330, 400, 500, 600, 700, 800, 900, 1000}, history.spend()[1]);
    }

    @Test
    void revenueIsPaidOrdersGuestsIncludedRefundsNot() throws Exception {
        WeeklyHistory history = new BudgetData(project.database()).read(BudgetGoal.REVENUE, TaskContext.silent());

        assertArrayEquals(new double[]{149, 0, 279, 30, 100, 0, 0, 0, 0, 0}, history.outcome());
    }

    @Test
    void buyersAcquiredAreFirstPaidOrdersAndGuestOrders() throws Exception {
        WeeklyHistory history = new BudgetData(project.database()).read(BudgetGoal.BUYERS, TaskContext.silent());

        assertArrayEquals(new double[]{1, 0, 1, 0, 2, 0, 0, 0, 0, 0}, history.outcome());
    }

    @Test
    void registrationsCountRegisterEventsOnly() throws Exception {
        WeeklyHistory history = new BudgetData(project.database()).read(BudgetGoal.REGISTRATIONS, TaskContext.silent());

        assertArrayEquals(new double[]{1, 3, 0, 0, 0, 0, 0, 0, 0, 0}, history.outcome());
    }

    @Test
    void lifetimeValueWithTooFewCustomersPassesTheLifetimeModelsReasonOn() {
        BudgetFitException tooFew = assertThrows(BudgetFitException.class,
                () -> new BudgetData(project.database()).read(BudgetGoal.LTV, TaskContext.silent()));
        assertEquals("ltv.error.tooFew", tooFew.reason().key());
    }

    @Test
    void lifetimeValueIsFirstOrdersPlusTheModelsRepeatValuePerBuyerAcquired() throws Exception {
        // 400 earlier customers, each a first order and Poisson-many repeats, give the lifetime models a fit.
        SplittableRandom random = new SplittableRandom(7);
        project.database().transaction(connection -> {
            for (int c = 0; c < 400; c++) {
                int first = -200 + random.nextInt(150);
                order(connection, "e" + c, "E" + c, first, 100, "paid");
                for (int r = 0, day = first; r < 6; r++) {
                    day += 1 + random.nextInt(60);
                    if (day < 60 && random.nextInt(3) > 0) {
                        order(connection, "e" + c + "-" + r, "E" + c, day, 50 + random.nextInt(100), "paid");
                    }
                }
            }
            return null;
        });
        LtvSettings settings = LtvSettings.defaults();
        LtvResult model = new LtvRun(project.database()).run(settings, TaskContext.silent());
        double perBuyer = new BgNbd(model.bgNbd().value("r"), model.bgNbd().value("alpha"), model.bgNbd().value("a"),
                model.bgNbd().value("b")).expectedPurchasesOfNewCustomer(settings.horizon())
                * new GammaGamma(model.gammaGamma().value("p"), model.gammaGamma().value("q"),
                model.gammaGamma().value("gamma")).populationMean();
        WeeklyHistory buyers = new BudgetData(project.database()).read(BudgetGoal.BUYERS, TaskContext.silent());
        WeeklyHistory ltv = new BudgetData(project.database()).read(BudgetGoal.LTV, TaskContext.silent());

        // The week's first orders (A 149 in week 0, B 80 in week 2, the guests' 100 in week 4) plus the value per
        // buyer acquired; the earlier customers' repeats are revenue, not buyers acquired.
        assertArrayEquals(new double[]{1, 0, 1, 0, 2, 0, 0, 0, 0, 0}, buyers.outcome());
        assertTrue(perBuyer > 10, "repeat value " + perBuyer);
        assertArrayEquals(new double[]{149 + perBuyer, 0, 80 + perBuyer, 0, 100 + 2 * perBuyer, 0, 0, 0, 0, 0},
                ltv.outcome(), 1e-6);
    }

    @Test
    void currentSpendIsTheMeanOfTheLastFourWeeks() throws Exception {
        WeeklyHistory history = new BudgetData(project.database()).read(BudgetGoal.REVENUE, TaskContext.silent());

        assertEquals(Map.of("douyin", 0.0, "weibo", 850.0), BudgetData.recentWeeklySpend(history, 4));
        assertArrayEquals(new double[]{0, 850 * 5}, BudgetPlan.currentSpend(history, 5));
    }

    @Test
    void weeksBeforeTheFirstOutcomeAreLeftOutNotReadAsWeeksWithoutSales() throws Exception {
        project.database().transaction(connection -> connection.createStatement()
                .execute("DELETE FROM customer_order WHERE paid_at < DATE '2026-01-19'"));

        WeeklyHistory history = new BudgetData(project.database()).read(BudgetGoal.REVENUE, TaskContext.silent());

        // The first order left is B's on day 15, in week 2: the series runs from week 2 to week 9.
        assertEquals(MONDAY.plusWeeks(2), history.firstWeek());
        assertArrayEquals(new double[]{330, 400, 500, 600, 700, 800, 900, 1000}, history.spend()[1]);
        assertArrayEquals(new double[]{279, 30, 100, 0, 0, 0, 0, 0}, history.outcome());
    }

    @Test
    void historyShorterThanEightWeeksOrWithoutSpendSaysWhatToImport() throws Exception {
        project.database().transaction(connection -> {
            connection.createStatement().execute("DELETE FROM customer_order WHERE order_ref = 'o10'");
            connection.createStatement().execute("DELETE FROM customer_order WHERE paid_at > DATE '2026-02-10'");
            return null;
        });
        BudgetFitException shortHistory = assertThrows(BudgetFitException.class,
                () -> new BudgetData(project.database()).read(BudgetGoal.REVENUE, TaskContext.silent()));
        assertEquals("budget.error.fewWeeks", shortHistory.reason().key());
        assertEquals(List.of("4", "8"), shortHistory.reason().arguments());

        project.database().transaction(connection -> connection.createStatement().execute("DELETE FROM spend"));
        BudgetFitException noSpend = assertThrows(BudgetFitException.class,
                () -> new BudgetData(project.database()).read(BudgetGoal.REVENUE, TaskContext.silent()));
        assertEquals("budget.error.noSpend", noSpend.reason().key());
    }

    private static void spend(Connection connection, int day, String platform, double amount) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO spend (spent_on, platform_id, amount) "
                + "SELECT ?, id, ? FROM platform WHERE code = ?")) {
            insert.setObject(1, MONDAY.plusDays(day));
            insert.setDouble(2, amount);
            insert.setString(3, platform);
            insert.executeUpdate();
        }
    }

    private static void order(Connection connection, String ref, String customer, int day, double amount,
                              String status) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO customer_order (order_ref, "
                + "customer_ref, amount, paid_at, status) VALUES (?, ?, ?, ?, ?)")) {
            insert.setString(1, ref);
            insert.setString(2, customer);
            insert.setDouble(3, amount);
            insert.setObject(4, MONDAY.plusDays(day).atTime(10, 30));
            insert.setString(5, status);
            insert.executeUpdate();
        }
    }

    private static long follower(Connection connection) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO follower (platform_id, external_id) "
                + "SELECT id, 'f1' FROM platform WHERE code = 'weibo'", new String[]{"ID"})) {
            insert.executeUpdate();
            try (var keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private static void engagement(Connection connection, long follower, int day, String kind, int count)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO engagement (follower_id, occurred_at, "
                + "kind, event_count) VALUES (?, ?, ?, ?)")) {
            insert.setLong(1, follower);
            insert.setObject(2, MONDAY.plusDays(day).atTime(12, 0));
            insert.setString(3, kind);
            insert.setInt(4, count);
            insert.executeUpdate();
        }
    }
}
