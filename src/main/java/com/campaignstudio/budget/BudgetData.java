package com.campaignstudio.budget;

import com.campaignstudio.ltv.BgNbd;
import com.campaignstudio.ltv.GammaGamma;
import com.campaignstudio.ltv.LtvException;
import com.campaignstudio.ltv.LtvResult;
import com.campaignstudio.ltv.LtvRun;
import com.campaignstudio.ltv.LtvSettings;
import com.campaignstudio.project.ProjectDatabase;
import com.campaignstudio.text.Reason;
import com.campaignstudio.work.TaskContext;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a project's weekly spend per platform and weekly outcome. Weeks run Monday to Sunday, from the first week
 * with spend to the last week that both the spend and the outcome data cover completely (a week cut short by the
 * export's end would read as a drop in sales). A platform's week without spend rows spent nothing.
 */
public final class BudgetData {

    private final ProjectDatabase database;

    public BudgetData(ProjectDatabase database) {
        this.database = database;
    }

    public WeeklyHistory read(BudgetGoal goal, TaskContext context) throws SQLException {
        double repeatValue = goal == BudgetGoal.LTV ? newBuyerRepeatValue(context) : 0;
        context.message(Reason.of("stage.spend"));
        return database.read(connection -> {
            LocalDate[] range = range(connection, goal);
            if (range == null) {
                throw new BudgetFitException("budget.error.noSpend");
            }
            LocalDate first = range[0];
            int weeks = (int) ChronoUnit.WEEKS.between(first, range[1]) + 1;
            if (weeks < MixModel.MIN_WEEKS) {
                throw new BudgetFitException("budget.error.fewWeeks", Math.max(weeks, 0), MixModel.MIN_WEEKS);
            }
            Map<String, double[]> spend = spend(connection, first, weeks);
            double[] outcome = outcome(connection, goal, first, weeks, repeatValue);
            return new WeeklyHistory(List.copyOf(spend.keySet()), first, spend.values().toArray(double[][]::new),
                    outcome);
        });
    }

    /** The Monday of the first week with spend and the Monday of the last complete week, or null without spend. */
    private static LocalDate[] range(Connection connection, BudgetGoal goal) throws SQLException {
        LocalDate firstSpend;
        LocalDate lastSpend;
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT MIN(spent_on), MAX(spent_on) FROM spend")) {
            rs.next();
            firstSpend = rs.getObject(1, LocalDate.class);
            lastSpend = rs.getObject(2, LocalDate.class);
        }
        if (firstSpend == null) {
            return null;
        }
        LocalDate[] outcomes = outcomeDays(connection, goal);
        LocalDate first = outcomes[0] == null || outcomes[0].isBefore(firstSpend) ? firstSpend : outcomes[0];
        LocalDate last = outcomes[1] == null || outcomes[1].isAfter(lastSpend) ? lastSpend : outcomes[1];
        LocalDate lastSunday = last.getDayOfWeek() == DayOfWeek.SUNDAY ? last
                : last.with(TemporalAdjusters.previous(DayOfWeek.SUNDAY));
        // Weeks before the first outcome would read as weeks without sales when the outcomes were exported from a
        // later date: the series starts with the week of the later of the first spend and the first outcome.
        return new LocalDate[]{first.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)),
                lastSunday.minusDays(6)};
    }

    /** The first and last day with an outcome (either null when there is none). */
    private static LocalDate[] outcomeDays(Connection connection, BudgetGoal goal) throws SQLException {
        String sql = goal == BudgetGoal.REGISTRATIONS
                ? "SELECT MIN(CAST(occurred_at AS DATE)), MAX(CAST(occurred_at AS DATE)) FROM engagement "
                        + "WHERE kind = 'register'"
                : "SELECT MIN(CAST(paid_at AS DATE)), MAX(CAST(paid_at AS DATE)) FROM customer_order "
                        + "WHERE status = 'paid'";
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return new LocalDate[]{rs.getObject(1, LocalDate.class), rs.getObject(2, LocalDate.class)};
        }
    }

    private static Map<String, double[]> spend(Connection connection, LocalDate first, int weeks)
            throws SQLException {
        Map<String, double[]> spend = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT p.code, s.spent_on, SUM(s.amount) "
                + "FROM spend s JOIN platform p ON p.id = s.platform_id WHERE s.spent_on >= ? AND s.spent_on < ? "
                + "GROUP BY p.code, s.spent_on ORDER BY p.code")) {
            statement.setObject(1, first);
            statement.setObject(2, first.plusWeeks(weeks));
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    int week = week(first, rs.getObject(2, LocalDate.class));
                    spend.computeIfAbsent(rs.getString(1), code -> new double[weeks])[week] += rs.getDouble(3);
                }
            }
        }
        return spend;
    }

    private static double[] outcome(Connection connection, BudgetGoal goal, LocalDate first, int weeks,
                                    double repeatValue) throws SQLException {
        double[] outcome = new double[weeks];
        String sql = switch (goal) {
            case REVENUE -> "SELECT CAST(paid_at AS DATE), SUM(amount) FROM customer_order WHERE status = 'paid' "
                    + "AND paid_at >= ? AND paid_at < ? GROUP BY CAST(paid_at AS DATE)";
            case REGISTRATIONS -> "SELECT CAST(occurred_at AS DATE), SUM(event_count) FROM engagement "
                    + "WHERE kind = 'register' AND occurred_at >= ? AND occurred_at < ? "
                    + "GROUP BY CAST(occurred_at AS DATE)";
            case BUYERS, LTV -> "SELECT paid_on, COUNT(*), SUM(amount) FROM (" + FIRST_ORDERS + ") "
                    + "WHERE paid_on >= ? AND paid_on < ? GROUP BY paid_on";
        };
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            boolean byDay = goal == BudgetGoal.BUYERS || goal == BudgetGoal.LTV;
            statement.setObject(1, byDay ? first : first.atStartOfDay());
            statement.setObject(2, byDay ? first.plusWeeks(weeks) : first.plusWeeks(weeks).atStartOfDay());
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    int week = week(first, rs.getObject(1, LocalDate.class));
                    outcome[week] += switch (goal) {
                        case REVENUE, REGISTRATIONS -> rs.getDouble(2);
                        case BUYERS -> rs.getLong(2);
                        case LTV -> rs.getDouble(3) + rs.getLong(2) * repeatValue;
                    };
                }
            }
        }
        return outcome;
    }

    /**
     * Each buyer's first paid order (a customer's earliest, every guest order): its day and amount. A customer's
     * orders on their first day count as the first order. Ranked in one pass: a join of the orders with each
     * customer's first day has no index to use and took 25 s on the default demo.
     */
    private static final String FIRST_ORDERS = "SELECT paid_on, amount FROM (SELECT paid_on, amount, "
            + "ROW_NUMBER() OVER (PARTITION BY customer_ref ORDER BY paid_on) AS nth FROM (SELECT customer_ref, "
            + "CAST(paid_at AS DATE) AS paid_on, SUM(amount) AS amount FROM customer_order WHERE status = 'paid' "
            + "AND customer_ref IS NOT NULL GROUP BY customer_ref, CAST(paid_at AS DATE))) WHERE nth = 1 "
            + "UNION ALL SELECT CAST(paid_at AS DATE), amount FROM customer_order "
            + "WHERE status = 'paid' AND customer_ref IS NULL";

    private static int week(LocalDate first, LocalDate day) {
        return (int) (ChronoUnit.DAYS.between(first, day) / 7);
    }

    /**
     * What a new customer is expected to spend after the first order over the lifetime-value horizon: expected
     * repeat purchases of a customer just acquired (BG/NBD) times the mean order value (Gamma-Gamma).
     */
    private double newBuyerRepeatValue(TaskContext context) throws SQLException {
        LtvSettings settings = LtvSettings.defaults();
        try {
            LtvResult result = new LtvRun(database).run(settings, context);
            BgNbd purchases = new BgNbd(result.bgNbd().value("r"), result.bgNbd().value("alpha"),
                    result.bgNbd().value("a"), result.bgNbd().value("b"));
            return purchases.expectedPurchasesOfNewCustomer(settings.horizon()) * orderValue(result);
        } catch (LtvException e) {
            throw new BudgetFitException(e.reason());
        }
    }

    /** Gamma-Gamma's mean order value; the plain mean of paid orders where that model could not be fitted. */
    private double orderValue(LtvResult result) throws SQLException {
        if (result.gammaGamma() != null) {
            GammaGamma spend = new GammaGamma(result.gammaGamma().value("p"), result.gammaGamma().value("q"),
                    result.gammaGamma().value("gamma"));
            if (spend.q() > 1) {
                return spend.populationMean();
            }
        }
        return database.read(connection -> {
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT COALESCE(AVG(amount), 0) FROM customer_order "
                         + "WHERE status = 'paid'")) {
                rs.next();
                return rs.getDouble(1);
            }
        });
    }

    /** The mean weekly spend per platform over the last {@code weeks} weeks of the history: "current spend". */
    public static Map<String, Double> recentWeeklySpend(WeeklyHistory history, int weeks) {
        Map<String, Double> recent = new LinkedHashMap<>();
        int from = Math.max(0, history.weeks() - weeks);
        for (int p = 0; p < history.platforms().size(); p++) {
            double sum = 0;
            for (int t = from; t < history.weeks(); t++) {
                sum += history.spend()[p][t];
            }
            recent.put(history.platforms().get(p), sum / (history.weeks() - from));
        }
        return recent;
    }
}
