package com.campaignstudio.ltv;

import com.campaignstudio.project.Project;
import com.campaignstudio.project.ProjectLocations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneId;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Renewal counts come from monthly membership orders, and the paper's High End pattern gives its sBG fit. */
class RenewalSurvivalTest {

    @TempDir
    Path folder;

    @Test
    void survivalIsCountedFromConsecutiveMonthsAndFitted() throws Exception {
        // The paper's High End survival, as monthly orders of 1,000 members who joined in January 2024.
        long[] highEnd = {1000, 869, 743, 653, 593, 551, 517, 491};
        try (Project project = Project.create(ProjectLocations.under(folder.resolve("home")), folder.resolve("p.campaign"),
                ZoneId.of("Asia/Shanghai"))) {
            project.database().transaction(connection -> {
                try (Statement s = connection.createStatement()) {
                    s.execute("INSERT INTO product (id, name, kind) VALUES (1, '会员', 'membership'), (2, '写作课', 'course')");
                }
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO customer_order (order_ref, "
                        + "customer_ref, product_id, amount, paid_at) VALUES (?, ?, ?, 30, ?)")) {
                    int order = 0;
                    for (int member = 0; member < 1000; member++) {
                        int months = 0;
                        while (months + 1 < highEnd.length && member < highEnd[months + 1]) {
                            months++;
                        }
                        for (int t = 0; t <= months; t++) {
                            insert.setString(1, "o" + order++);
                            insert.setString(2, "m" + member);
                            insert.setLong(3, 1);
                            insert.setTimestamp(4, Timestamp.valueOf(LocalDateTime.of(2024, 1 + t, 10, 20, 0)));
                            insert.addBatch();
                        }
                    }
                    // A course bought by a member is not a renewal; a December joiner is too recent to count.
                    insert.setString(1, "c1");
                    insert.setString(2, "m999");
                    insert.setLong(3, 2);
                    insert.setTimestamp(4, Timestamp.valueOf(LocalDateTime.of(2024, 2, 1, 9, 0)));
                    insert.addBatch();
                    // Guest orders of the membership every month are no one subscriber renewing.
                    for (int t = 0; t < highEnd.length; t++) {
                        insert.setString(1, "g" + t);
                        insert.setString(2, null);
                        insert.setLong(3, 1);
                        insert.setTimestamp(4, Timestamp.valueOf(LocalDateTime.of(2024, 1 + t, 12, 9, 0)));
                        insert.addBatch();
                    }
                    insert.setString(1, "late");
                    insert.setString(2, "late");
                    insert.setLong(3, 1);
                    insert.setTimestamp(4, Timestamp.valueOf(LocalDateTime.of(2024, 12, 1, 9, 0)));
                    insert.addBatch();
                    insert.executeBatch();
                }
                return null;
            });
            RenewalSurvival survival = RenewalSurvival.read(project.database(), 7);
            assertArrayEquals(highEnd, survival.alive());
            assertEquals(java.time.LocalDate.of(2024, 12, 1), survival.lastMonth(), "the late joiner's December");
            assertTrue(survival.fittable());
            ShiftedBetaGeometric model = SbgFit.fit(survival.alive());
            assertEquals(0.668, model.alpha(), 5e-4);
            assertEquals(3.806, model.beta(), 5e-3);
        }
    }

    @Test
    void twentySubscribersAndOneRenewalAreEnoughToFit() {
        assertTrue(new RenewalSurvival(new long[]{20, 1, 0}, null).fittable());
        assertFalse(new RenewalSurvival(new long[]{19, 10, 5}, null).fittable(), "too few subscribers");
        assertFalse(new RenewalSurvival(new long[]{50, 0, 0}, null).fittable(), "no renewal");
        assertFalse(new RenewalSurvival(new long[]{50, 10}, null).fittable(), "one period only");
    }

    @Test
    void theProjectionSetsTheObservedShareBesideTheModelsSurvival() {
        ShiftedBetaGeometric model = new ShiftedBetaGeometric(0.668, 3.806);
        java.util.List<double[]> rows = new RenewalSurvival(new long[]{200, 150, 120}, null).projection(model, 3);

        assertEquals(4, rows.size());
        assertArrayEquals(new double[]{0, 1, model.survival(0)}, rows.get(0), 1e-12);
        assertArrayEquals(new double[]{1, 0.75, model.survival(1)}, rows.get(1), 1e-12);
        assertArrayEquals(new double[]{2, 0.6, model.survival(2)}, rows.get(2), 1e-12);
        assertEquals(3, rows.get(3)[0]);
        assertTrue(Double.isNaN(rows.get(3)[1]), "no observation beyond the data");
        assertTrue(new RenewalSurvival(new long[]{0, 0, 0}, null).projection(model, 1).stream()
                .allMatch(row -> Double.isNaN(row[1])), "no subscribers: no observed share");
    }
}
