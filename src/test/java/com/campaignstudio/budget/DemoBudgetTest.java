package com.campaignstudio.budget;

import com.campaignstudio.demo.DemoGenerator;
import com.campaignstudio.demo.DemoProjects;
import com.campaignstudio.demo.DemoSize;
import com.campaignstudio.demo.PlantedTruth;
import com.campaignstudio.demo.PlantedTruth.AdResponse;
import com.campaignstudio.project.Project;
import com.campaignstudio.project.ProjectLocations;
import com.campaignstudio.project.ProjectMetadata;
import com.campaignstudio.work.TaskContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The default demo project as the budget split reads it: its weekly spend and outcome, the guest orders its ads bring
 * by the planted weekly response ({@link AdResponse}), and the mix model fitted to them.
 */
class DemoBudgetTest {

    @TempDir
    static Path folder;
    static Project project;
    static PlantedTruth truth;
    static WeeklyHistory revenue;

    @BeforeAll
    static void generate() throws Exception {
        project = DemoProjects.create(ProjectLocations.under(folder.resolve("home")), folder.resolve("demo.campaign"),
                DemoSize.DEFAULT, DemoProjects.DEFAULT_SEED, TaskContext.silent());
        truth = DemoGenerator.fromJson(project.metadata().get(ProjectMetadata.PLANTED_TRUTH).orElseThrow());
        revenue = new BudgetData(project.database()).read(BudgetGoal.REVENUE, TaskContext.silent());
    }

    @AfterAll
    static void close() {
        project.close();
    }

    @Test
    void thePlantedWeeklyResponseIsWrittenIntoTheProject() {
        assertEquals(PlantedTruth.standard(DemoProjects.DEFAULT_SEED).adResponse(), truth.adResponse());
        assertEquals(PlantedTruth.platforms().size(), truth.adResponse().size());
    }

    /**
     * Spend runs from 2025-10-01 (a Wednesday, 365 days before the end) to 2026-09-30 (a Wednesday): weeks from Monday
     * 2025-09-29 to the last complete one, Monday 2026-09-21, 52 of them. Each week's spend per platform and revenue
     * are summed again here by SQL, by week number rather than day by day.
     */
    @Test
    void theWeeklySeriesAreTheProjectsSpendAndRevenueSummedByWeek() throws Exception {
        LocalDate first = LocalDate.of(2025, 9, 29);
        assertEquals(first, revenue.firstWeek());
        assertEquals(52, revenue.weeks());
        assertEquals(PlantedTruth.platforms().stream().sorted().toList(), revenue.platforms());
        for (int p = 0; p < revenue.platforms().size(); p++) {
            assertArrayEquals(byWeek("SELECT DATEDIFF('DAY', ?, s.spent_on) / 7, s.amount FROM spend s "
                            + "JOIN platform p ON p.id = s.platform_id WHERE p.code = '" + revenue.platforms().get(p)
                            + "' AND s.spent_on >= ? AND s.spent_on < ?", first, 52),
                    revenue.spend()[p], 1e-6, revenue.platforms().get(p));
        }
        double[] paid = byWeek("SELECT DATEDIFF('DAY', ?, CAST(paid_at AS DATE)) / 7, amount "
                + "FROM customer_order WHERE status = 'paid' AND paid_at >= ? AND paid_at < ?", first, 52);
        assertArrayEquals(paid, revenue.outcome(), 1e-6);
        assertTrue(Arrays.stream(revenue.spend()).allMatch(series -> Arrays.stream(series).anyMatch(s -> s == 0)),
                "every platform has weeks off: the flighting");
    }

    @Test
    void buyersAcquiredCountEachGuestOrder() throws Exception {
        WeeklyHistory buyers = new BudgetData(project.database()).read(BudgetGoal.BUYERS, TaskContext.silent());
        LocalDate first = revenue.firstWeek();
        double[] customers = byWeek("SELECT DATEDIFF('DAY', ?, first_day) / 7, 1 FROM (SELECT "
                + "MIN(CAST(paid_at AS DATE)) AS first_day FROM customer_order WHERE status = 'paid' "
                + "AND customer_ref IS NOT NULL GROUP BY customer_ref) WHERE first_day >= ? AND first_day < ?", first, 52);
        double[] guests = byWeek("SELECT DATEDIFF('DAY', ?, CAST(paid_at AS DATE)) / 7, 1 FROM customer_order "
                + "WHERE status = 'paid' AND customer_ref IS NULL AND paid_at >= ? AND paid_at < ?", first, 52);
        assertTrue(Arrays.stream(guests).sum() > 1_000, "the ads' guest orders: " + Arrays.stream(guests).sum());
        double[] expected = new double[52];
        for (int t = 0; t < 52; t++) {
            expected[t] = customers[t] + guests[t];
        }
        assertArrayEquals(expected, buyers.outcome(), 1e-9);
    }

    /**
     * Per platform, the guest orders' revenue over the 52 weeks against the planted Σ_t β·Hill(a_t), a_t the weekly
     * adstock of the spend the project holds. The orders of a week are Poisson around the expected revenue over the
     * price of the platform's ad product, so the year's revenue R has variance price × R, estimated by the sum of the
     * squared order amounts; the test allows 4 standard deviations. Together the ads bring 20-40% of the revenue.
     */
    @Test
    void theGuestOrdersFollowThePlantedWeeklyResponse() throws Exception {
        double adRevenue = 0;
        for (int p = 0; p < revenue.platforms().size(); p++) {
            String platform = revenue.platforms().get(p);
            double planted = plantedContribution(p);
            double[] observed = guestOrders(platform);
            assertEquals(planted, observed[0], 4 * Math.sqrt(observed[1]), platform);
            adRevenue += observed[0];
        }
        double share = adRevenue / Arrays.stream(revenue.outcome()).sum();
        assertTrue(share > 0.2 && share < 0.4, "the ads' share of revenue " + share);
    }

    /**
     * The mix model's search on the demo reaches an objective (sum of squares plus the shape prior's penalty) no
     * worse than the planted shapes give with their best linear terms.
     */
    @Test
    void theMixModelFitsTheDemoAtLeastAsCloselyAsThePlantedShapes() {
        MixModel.Fit fit = MixModel.fit(revenue);
        List<MixModel.Shape> planted = new ArrayList<>();
        for (String platform : revenue.platforms()) {
            AdResponse response = truth.adResponse().get(platform);
            planted.add(new MixModel.Shape(response.theta(), response.alpha(), response.kappa()));
        }
        MixModel.Problem problem = new MixModel.Problem(revenue, fit.priorWeight());
        double plantedObjective = problem.objective(planted);
        double found = problem.objective(fit.shapes());
        assertTrue(fit.seasonal());
        assertTrue(found <= plantedObjective * (1 + 1e-9), found + " > " + plantedObjective);
    }

    private static double plantedContribution(int p) {
        AdResponse response = truth.adResponse().get(revenue.platforms().get(p));
        HillCurve curve = new HillCurve(response.beta(), response.alpha(), response.kappa());
        return Arrays.stream(Adstock.geometric(revenue.spend()[p], response.theta())).map(curve::value).sum();
    }

    /** The platform's guest orders over the weeks: their revenue and the sum of their squared amounts. */
    private static double[] guestOrders(String platform) throws SQLException {
        return project.database().read(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("SELECT SUM(o.amount), "
                    + "SUM(o.amount * o.amount) FROM customer_order o JOIN platform p ON p.id = o.platform_id "
                    + "WHERE p.code = ? AND o.customer_ref IS NULL AND o.status = 'paid' AND o.paid_at >= ? "
                    + "AND o.paid_at < ?")) {
                statement.setString(1, platform);
                statement.setObject(2, revenue.firstWeek().atStartOfDay());
                statement.setObject(3, revenue.firstWeek().plusWeeks(revenue.weeks()).atStartOfDay());
                try (ResultSet rs = statement.executeQuery()) {
                    rs.next();
                    return new double[]{rs.getDouble(1), rs.getDouble(2)};
                }
            }
        });
    }

    /**
     * Each week's sum of the values of the rows (week number, value) of {@code sql}, whose parameters are the first
     * Monday, from and until.
     */
    private static double[] byWeek(String sql, LocalDate first, int weeks) throws SQLException {
        return project.database().read(connection -> {
            double[] series = new double[weeks];
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setObject(1, first);
                statement.setObject(2, first);
                statement.setObject(3, first.plusWeeks(weeks));
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        series[rs.getInt(1)] += rs.getDouble(2);
                    }
                }
            }
            return series;
        });
    }

    /**
     * End to end: what the ads brought over the year, all platforms together, is recovered from the project. Over the
     * demo seeds 20261123 and 1–5 the point estimate was −9% to +30% of the planted total (+30% on the default seed)
     * and the 90% bootstrap interval held it on every seed; the tolerance is ±40%. Each platform's own share is not
     * identified by a year of seven platforms' weeks (decision 0017), which the per-platform intervals show.
     */
    @Test
    void theAdsTotalOverTheYearIsRecoveredWithinItsInterval() {
        BudgetAnalysis analysis = BudgetAnalysis.run(revenue, BudgetGoal.REVENUE, 100, BudgetAnalysis.DEFAULT_SEED,
                TaskContext.silent());
        double planted = 0;
        for (int p = 0; p < revenue.platforms().size(); p++) {
            planted += plantedContribution(p);
        }
        Estimate total = analysis.estimate(fit -> {
            double sum = 0;
            for (int p = 0; p < fit.beta().length; p++) {
                sum += fit.totalContribution(p);
            }
            return sum;
        });

        assertEquals(planted, total.value(), 0.4 * planted);
        assertTrue(total.contains(planted), planted + " outside " + total);
        assertTrue(Arrays.stream(analysis.fit().baseline()).allMatch(v -> v >= 0));
    }
}
