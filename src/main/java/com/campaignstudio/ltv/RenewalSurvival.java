package com.campaignstudio.ltv;

import com.campaignstudio.project.ProjectDatabase;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Monthly renewal of paid columns and memberships (products of kind column or membership): a subscriber
 * renews in month t when they paid for such a product in each of the t months after their first. Only
 * subscribers who started at least {@code periods} months before the last month with data are counted,
 * so that every one of them could have renewed {@code periods} times.
 *
 * @param alive      subscribers at the start, then still renewing after 1, 2, ... renewals
 * @param lastMonth  the last month with data
 */
public record RenewalSurvival(long[] alive, LocalDate lastMonth) {

    public static RenewalSurvival read(ProjectDatabase database, int periods) throws SQLException {
        Map<String, TreeSet<Integer>> months = database.read(connection -> {
            Map<String, TreeSet<Integer>> byCustomer = new HashMap<>();
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT o.customer_ref, YEAR(o.paid_at) * 12 + MONTH(o.paid_at) - 1 "
                         + "FROM customer_order o JOIN product p ON p.id = o.product_id "
                         + "WHERE o.status = 'paid' AND o.customer_ref IS NOT NULL "
                         + "AND p.kind IN ('column', 'membership')")) {
                while (rs.next()) {
                    byCustomer.computeIfAbsent(rs.getString(1), c -> new TreeSet<>()).add(rs.getInt(2));
                }
            }
            return byCustomer;
        });
        int last = months.values().stream().mapToInt(TreeSet::last).max().orElse(0);
        long[] alive = new long[periods + 1];
        for (TreeSet<Integer> paid : months.values()) {
            int first = paid.first();
            if (first > last - periods) {
                continue;
            }
            alive[0]++;
            for (int t = 1; t <= periods && paid.contains(first + t); t++) {
                alive[t]++;
            }
        }
        return new RenewalSurvival(alive, months.isEmpty() ? null : LocalDate.of(last / 12, last % 12 + 1, 1));
    }

    /** Enough subscribers and renewals to fit the sBG model. */
    public boolean fittable() {
        return alive[0] >= 20 && alive.length > 2 && alive[1] > 0;
    }

    /** The fitted model's survival for {@code periods} renewals beside the observed share. */
    public List<double[]> projection(ShiftedBetaGeometric model, int periods) {
        List<double[]> rows = new ArrayList<>();
        for (int t = 0; t <= periods; t++) {
            double observed = t < alive.length && alive[0] > 0 ? alive[t] / (double) alive[0] : Double.NaN;
            rows.add(new double[]{t, observed, model.survival(t)});
        }
        return rows;
    }
}
