package com.campaignstudio.ui;

import com.campaignstudio.budget.HillCurve;
import com.campaignstudio.project.Project;
import com.campaignstudio.project.ProjectLocations;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A fresh project holding a year of weekly spend on three platforms and paid orders whose weekly revenue is a known
 * baseline plus each platform's Hill response to its geometric adstock, with 3% noise: what the Budget view fits.
 * Spend ranges past each curve's half-saturation, so that the curves flatten within the weeks seen. Each day of a week gets a seventh of the week's spend and one order of a seventh of its revenue.
 */
final class BudgetFixture {

    static final LocalDate FIRST_MONDAY = LocalDate.of(2025, 9, 1);
    static final int WEEKS = 52;
    static final List<String> PLATFORMS = List.of("douyin", "weibo", "xiaohongshu");
    static final double BASELINE = 20_000;
    static final double[] THETA = {0.3, 0.2, 0.4};
    static final HillCurve[] CURVES = {new HillCurve(30_000, 1, 8_000), new HillCurve(12_000, 1, 4_000),
            new HillCurve(15_000, 1, 5_000)};
    /** Weekly spend drawn evenly between these, per platform. */
    static final double[][] SPEND_RANGE = {{1_000, 20_000}, {500, 10_000}, {500, 12_000}};

    private BudgetFixture() {
    }

    static Path write(Path folder, String name) throws Exception {
        return write(folder, name, WEEKS);
    }

    /** The same, {@code weeks} weeks long. */
    static Path write(Path folder, String name, int weeks) throws Exception {
        Path file = folder.resolve(name);
        SplittableRandom random = new SplittableRandom(16);
        try (Project project = Project.create(ProjectLocations.under(folder.resolve("maker-" + name)), file,
                ZoneId.of("Asia/Shanghai"))) {
            project.database().transaction(connection -> {
                int[] ids = new int[PLATFORMS.size()];
                try (PreparedStatement query = connection.prepareStatement("SELECT id FROM platform WHERE code = ?")) {
                    for (int p = 0; p < ids.length; p++) {
                        query.setString(1, PLATFORMS.get(p));
                        try (ResultSet row = query.executeQuery()) {
                            row.next();
                            ids[p] = row.getInt(1);
                        }
                    }
                }
                double[] adstock = new double[PLATFORMS.size()];
                try (PreparedStatement spend = connection.prepareStatement(
                        "INSERT INTO spend (spent_on, platform_id, amount) VALUES (?, ?, ?)");
                     PreparedStatement order = connection.prepareStatement("INSERT INTO customer_order (order_ref, "
                             + "customer_ref, amount, paid_at, status) VALUES (?, ?, ?, ?, 'paid')")) {
                    for (int week = 0; week < weeks; week++) {
                        double revenue = BASELINE;
                        for (int p = 0; p < ids.length; p++) {
                            double weekly = Math.round(SPEND_RANGE[p][0]
                                    + random.nextDouble() * (SPEND_RANGE[p][1] - SPEND_RANGE[p][0]));
                            adstock[p] = weekly + THETA[p] * adstock[p];
                            revenue += CURVES[p].value(adstock[p]);
                            for (int day = 0; day < 7; day++) {
                                spend.setObject(1, FIRST_MONDAY.plusWeeks(week).plusDays(day));
                                spend.setInt(2, ids[p]);
                                spend.setBigDecimal(3, java.math.BigDecimal.valueOf(weekly / 7)
                                        .setScale(2, java.math.RoundingMode.HALF_UP));
                                spend.addBatch();
                            }
                        }
                        revenue *= 1 + 0.03 * random.nextGaussian();
                        for (int day = 0; day < 7; day++) {
                            String ref = "w" + week + "d" + day;
                            order.setString(1, ref);
                            order.setString(2, ref);
                            order.setBigDecimal(3, java.math.BigDecimal.valueOf(revenue / 7)
                                    .setScale(2, java.math.RoundingMode.HALF_UP));
                            order.setTimestamp(4, Timestamp.valueOf(FIRST_MONDAY.plusWeeks(week).plusDays(day)
                                    .atTime(12, 0)));
                            order.addBatch();
                        }
                    }
                    spend.executeBatch();
                    order.executeBatch();
                }
                return null;
            });
            project.save();
        }
        return file;
    }
}
