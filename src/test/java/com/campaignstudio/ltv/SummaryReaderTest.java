package com.campaignstudio.ltv;

import com.campaignstudio.project.Project;
import com.campaignstudio.project.ProjectLocations;
import com.campaignstudio.work.TaskContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Summaries worked by hand, including a customer reference that carries hundreds of orders in no order. */
class SummaryReaderTest {

    @TempDir
    Path folder;

    @Test
    void occasionsRepeatsRecencyAgeAndMeanValueFollowTheConventions() throws Exception {
        try (Project project = Project.create(ProjectLocations.under(folder.resolve("home")), folder.resolve("p.campaign"),
                ZoneId.of("Asia/Shanghai"))) {
            List<Object[]> orders = new ArrayList<>();
            // Ann: first on 1 Jan; two orders on 15 Jan are one occasion of 30; a refund on 22 Jan is not a
            // purchase; 29 Jan is the last repeat.
            orders.add(new Object[]{"ann", LocalDateTime.of(2026, 1, 1, 9, 0), 100, "paid"});
            orders.add(new Object[]{"ann", LocalDateTime.of(2026, 1, 15, 9, 0), 10, "paid"});
            orders.add(new Object[]{"ann", LocalDateTime.of(2026, 1, 15, 21, 0), 20, "paid"});
            orders.add(new Object[]{"ann", LocalDateTime.of(2026, 1, 22, 9, 0), 50, "refunded"});
            orders.add(new Object[]{"ann", LocalDateTime.of(2026, 1, 29, 9, 0), 60, "paid"});
            // Guest: 300 orders, three on each of 100 days from 1 Jan (day 0) to 10 Apr (day 99), inserted
            // shuffled; each occasion totals 3 x 5.
            List<Object[]> guest = new ArrayList<>();
            for (int day = 0; day < 100; day++) {
                for (int k = 0; k < 3; k++) {
                    guest.add(new Object[]{"guest", LocalDateTime.of(2026, 1, 1, 8 + k, 0).plusDays(day), 5, "paid"});
                }
            }
            Collections.shuffle(guest, new Random(3));
            orders.addAll(guest);
            project.database().transaction(connection -> {
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO customer_order (order_ref, "
                        + "customer_ref, amount, paid_at, status) VALUES (?, ?, ?, ?, ?)")) {
                    for (int i = 0; i < orders.size(); i++) {
                        Object[] order = orders.get(i);
                        insert.setString(1, "o" + i);
                        insert.setString(2, (String) order[0]);
                        insert.setInt(3, (Integer) order[2]);
                        insert.setTimestamp(4, Timestamp.valueOf((LocalDateTime) order[1]));
                        insert.setString(5, (String) order[3]);
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
                return null;
            });
            CustomerSummary summary = new SummaryReader(project.database()).read(PeriodUnit.WEEK, null, null, null,
                    TaskContext.silent());
            assertEquals(LocalDate.of(2026, 4, 10), summary.calibrationEnd(), "all data: the last day with an order");
            int ann = summary.customers()[0].equals("ann") ? 0 : 1;
            int guestRow = 1 - ann;
            assertEquals(2, summary.x()[ann]);
            assertEquals(4.0, summary.tx()[ann], 1e-12, "29 Jan is 28 days = 4 weeks after 1 Jan");
            assertEquals(99 / 7.0, summary.T()[ann], 1e-12);
            assertEquals((30 + 60) / 2.0, summary.m()[ann], 1e-12);
            assertEquals(99, summary.x()[guestRow]);
            assertEquals(99 / 7.0, summary.tx()[guestRow], 1e-12);
            assertEquals(15, summary.m()[guestRow], 1e-12);
            assertEquals(LocalDate.of(2026, 1, 1).toEpochDay(), summary.firstDay()[guestRow]);
            long repeats = java.util.Arrays.stream(summary.repeatsByDay()).sum();
            assertEquals(2 + 99, repeats, "repeat occasions by day");
        }
    }
}
