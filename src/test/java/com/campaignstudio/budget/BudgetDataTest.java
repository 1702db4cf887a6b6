package com.campaignstudio.budget;

import com.campaignstudio.project.Project;
import com.campaignstudio.project.ProjectLocations;
import com.campaignstudio.work.TaskContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Weekly revenue and buyers acquired, read from a hand-made project of eight weeks. */
class BudgetDataTest {

    private static final LocalDate MONDAY = LocalDate.of(2025, 9, 1);

    @TempDir
    Path folder;

    @Test
    void buyersCountEachCustomersFirstDayOnceAndRevenueSumsThePaidOrders() throws Exception {
        try (Project project = Project.create(ProjectLocations.under(folder.resolve("locks")),
                folder.resolve("p.campaign"), ZoneId.of("Asia/Shanghai"))) {
            project.database().transaction(connection -> {
                try (PreparedStatement spend = connection.prepareStatement("INSERT INTO spend (spent_on, platform_id, "
                        + "amount) VALUES (?, (SELECT id FROM platform WHERE code = 'douyin'), 100)")) {
                    for (int day = 0; day < 56; day++) {
                        spend.setObject(1, MONDAY.plusDays(day));
                        spend.addBatch();
                    }
                    spend.executeBatch();
                }
                try (PreparedStatement order = connection.prepareStatement("INSERT INTO customer_order (order_ref, "
                        + "customer_ref, amount, paid_at, status) VALUES (?, ?, ?, ?, ?)")) {
                    Object[][] orders = {{"o1", "a", 50, 0, "paid"}, {"o2", "a", 30, 0, "paid"}, {"o3", "a", 20, 8, "paid"},
                            {"o4", "b", 40, 9, "paid"}, {"o5", "c", 70, 55, "paid"}, {"o6", "d", 90, 10, "refunded"}};
                    for (Object[] row : orders) {
                        order.setString(1, (String) row[0]);
                        order.setString(2, (String) row[1]);
                        order.setBigDecimal(3, BigDecimal.valueOf((Integer) row[2]));
                        order.setTimestamp(4, Timestamp.valueOf(MONDAY.plusDays((Integer) row[3]).atTime(10, 0)));
                        order.setString(5, (String) row[4]);
                        order.addBatch();
                    }
                    order.executeBatch();
                }
                return null;
            });
            BudgetData data = new BudgetData(project.database());
            WeeklyHistory buyers = data.read(BudgetGoal.BUYERS, TaskContext.silent());
            assertEquals(List.of("douyin"), buyers.platforms());
            assertEquals(MONDAY, buyers.firstWeek());
            assertArrayEquals(new double[]{1, 1, 0, 0, 0, 0, 0, 1}, buyers.outcome(), 1e-9,
                    "a's two first-day orders are one buyer; its later order none; d's refund none");
            assertArrayEquals(new double[]{700, 700, 700, 700, 700, 700, 700, 700}, buyers.spend()[0], 1e-9);
            WeeklyHistory revenue = data.read(BudgetGoal.REVENUE, TaskContext.silent());
            assertArrayEquals(new double[]{80, 60, 0, 0, 0, 0, 0, 70}, revenue.outcome(), 1e-9);
        }
    }
}
