package com.campaignstudio.dashboard;

import com.campaignstudio.dashboard.DashboardSummary.PlatformCount;
import com.campaignstudio.dashboard.DashboardSummary.WeekRevenue;
import com.campaignstudio.project.ProjectDatabase;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Computes the dashboard figures in the database (aggregation stays in SQL). */
public final class DashboardQueries {

    private static final String PAID = "status = 'paid'";

    private final ProjectDatabase database;

    public DashboardQueries(ProjectDatabase database) {
        this.database = database;
    }

    public DashboardSummary summary() throws SQLException {
        return database.read(connection -> new DashboardSummary(
                followersByPlatform(connection),
                single(connection, "SELECT COUNT(*) FROM follower"),
                single(connection, "SELECT COUNT(DISTINCT customer_ref) FROM customer_order WHERE " + PAID),
                revenue(connection),
                single(connection, "SELECT COUNT(*) FROM (SELECT customer_ref FROM customer_order WHERE " + PAID
                        + " AND customer_ref IS NOT NULL GROUP BY customer_ref"
                        + " HAVING COUNT(DISTINCT CAST(paid_at AS DATE)) >= 2)"),
                single(connection, "SELECT COUNT(DISTINCT follower_id) FROM customer_order WHERE " + PAID
                        + " AND follower_id IS NOT NULL"),
                revenueByWeek(connection), lastSaleDay(connection)));
    }

    private static List<PlatformCount> followersByPlatform(Connection connection) throws SQLException {
        List<PlatformCount> counts = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT p.code, p.name_en, p.name_zh, COUNT(*) AS n "
                     + "FROM follower f JOIN platform p ON p.id = f.platform_id "
                     + "GROUP BY p.code, p.name_en, p.name_zh ORDER BY n DESC, p.code")) {
            while (rs.next()) {
                counts.add(new PlatformCount(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4)));
            }
        }
        return counts;
    }

    private static BigDecimal revenue(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT COALESCE(SUM(amount), 0) FROM customer_order WHERE " + PAID)) {
            rs.next();
            return rs.getBigDecimal(1);
        }
    }

    private static List<WeekRevenue> revenueByWeek(Connection connection) throws SQLException {
        List<WeekRevenue> weeks = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT week_start, SUM(amount) FROM (SELECT "
                     + "DATEADD('DAY', 1 - ISO_DAY_OF_WEEK(paid_at), CAST(paid_at AS DATE)) AS week_start, amount "
                     + "FROM customer_order WHERE " + PAID + ") GROUP BY week_start ORDER BY week_start")) {
            while (rs.next()) {
                weeks.add(new WeekRevenue(rs.getObject(1, LocalDate.class), rs.getBigDecimal(2)));
            }
        }
        return weeks;
    }

    private static LocalDate lastSaleDay(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT MAX(CAST(paid_at AS DATE)) FROM customer_order WHERE " + PAID)) {
            rs.next();
            return rs.getObject(1, LocalDate.class);
        }
    }

    private static long single(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
