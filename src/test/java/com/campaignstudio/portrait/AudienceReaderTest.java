package com.campaignstudio.portrait;

import com.campaignstudio.project.Project;
import com.campaignstudio.work.TaskContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AudienceReaderTest {

    @TempDir
    Path folder;

    /** Above 400,000 rows the engagement table is read in primary-key ranges side by side: none lost or read twice. */
    @Test
    void aLargeEngagementTableReadInPartsCountsEveryInteractionOnce() throws Exception {
        try (Project project = PortraitFixture.create(folder)) {
            project.database().transaction(connection -> {
                try (Statement insert = connection.createStatement()) {
                    // 450,000 interactions of followers 1-10, spread over the week's hours; counts 1-3.
                    insert.executeUpdate("INSERT INTO engagement (follower_id, occurred_at, kind, event_count, is_total) "
                            + "SELECT MOD(X, 10) + 1, DATEADD('HOUR', MOD(X * 7, 168), TIMESTAMP '2026-06-01 00:00:00'), "
                            + "'view', MOD(X, 3) + 1, FALSE FROM SYSTEM_RANGE(1, 450000)");
                }
                return null;
            });
            long expected = project.database().read(connection -> {
                try (Statement query = connection.createStatement();
                     ResultSet sum = query.executeQuery("SELECT SUM(event_count) FROM engagement "
                             + "WHERE is_total = FALSE AND kind <> 'watch_minutes'")) {
                    sum.next();
                    return sum.getLong(1);
                }
            });
            AudienceTable table = AudienceReader.read(project.database(), TaskContext.silent());
            Portrait everyone = Portraits.of(table, Portraits.everyone(table));

            assertEquals(expected, everyone.activeHours().total());
            assertEquals(450_000 + 4, table.interactionFollower().length, "the fixture's 4 interactions and the new ones");
        }
    }

    @Test
    void aProductBoughtTwiceCountsOnceForItsBuyer() throws Exception {
        try (Project project = PortraitFixture.create(folder)) {
            project.database().transaction(connection -> {
                try (Statement insert = connection.createStatement()) {
                    // Follower 2 buys A again; follower 4 buys A as well as C.
                    insert.executeUpdate("INSERT INTO customer_order (order_ref, customer_ref, follower_id, product_id, "
                            + "amount, paid_at, status) VALUES ('o8', 'c2', 2, 1, 99, TIMESTAMP '2026-06-01 10:00:00', "
                            + "'paid'), ('o9', 'c3', 4, 1, 99, TIMESTAMP '2026-06-02 10:00:00', 'paid')");
                }
                return null;
            });
            AudienceTable table = AudienceReader.read(project.database(), TaskContext.silent());
            Distribution products = Portraits.of(table, Portraits.everyone(table)).trait(Trait.PRODUCT);

            assertEquals(3, products.count("A"), "followers 1, 2 and 4; follower 2's second A is not another buyer");
            assertEquals(2, products.count("B"), "followers 1 and 7");
            assertEquals(1, products.count("C"), "follower 4; the customer linked to no follower is in no portrait");
            assertEquals(4, products.base(), "the buyers: followers 1, 2, 4 and 7");
        }
    }
}
