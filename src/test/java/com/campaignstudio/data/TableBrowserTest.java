package com.campaignstudio.data;

import com.campaignstudio.project.Project;
import com.campaignstudio.project.ProjectLocations;
import com.campaignstudio.work.TaskContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Statement;
import java.time.ZoneId;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TableBrowserTest {

    @TempDir
    Path folder;

    @Test
    void sortsByAColumnWithNullsAndTiesInAStableOrder() throws Exception {
        try (Project project = Project.create(ProjectLocations.under(folder), folder.resolve("p.campaign"),
                ZoneId.of("Asia/Shanghai"))) {
            project.database().transaction(connection -> {
                try (Statement s = connection.createStatement()) {
                    s.execute("INSERT INTO follower (id, platform_id, external_id, region) VALUES "
                            + "(1, 1, 'a', 'Sichuan'), (2, 1, 'b', NULL), (3, 1, 'c', 'Beijing'), "
                            + "(4, 1, 'd', 'Sichuan'), (5, 1, 'e', 'Anhui')");
                }
                return null;
            });
            TableBrowser browser = new TableBrowser(project.database(), "follower");
            assertArrayEquals(new long[]{1, 2, 3, 4, 5}, browser.orderedKeys(null, true, TaskContext.silent()));
            assertArrayEquals(new long[]{2, 5, 3, 1, 4}, browser.orderedKeys("region", true, TaskContext.silent()));
            assertArrayEquals(new long[]{1, 4, 3, 5, 2}, browser.orderedKeys("region", false, TaskContext.silent()));

            List<Object[]> rows = browser.rows(new long[]{3, 1});
            int region = browser.columns().indexOf("region");
            assertEquals("Beijing", rows.get(0)[region]);
            assertEquals("Sichuan", rows.get(1)[region]);
            assertThrows(IllegalArgumentException.class,
                    () -> browser.orderedKeys("region; DROP TABLE follower", true, TaskContext.silent()));
        }
    }

    @Test
    void internalsAreLeftOutAndReferencesShowWhatTheyPointAt() throws Exception {
        try (Project project = Project.create(ProjectLocations.under(folder), folder.resolve("p.campaign"),
                ZoneId.of("Asia/Shanghai"))) {
            project.database().transaction(connection -> {
                try (Statement s = connection.createStatement()) {
                    s.execute("INSERT INTO follower (id, platform_id, external_id) VALUES "
                            + "(7, (SELECT id FROM platform WHERE code = 'douyin'), 'p_3fa9')");
                    s.execute("INSERT INTO product (id, name, kind) VALUES (5, '写作课', 'course')");
                    s.execute("INSERT INTO campaign (id, name) VALUES (3, '双十一大促')");
                    s.execute("INSERT INTO customer_order (id, order_ref, customer_ref, follower_id, product_id, amount, "
                            + "paid_at, platform_id, campaign_id, status) VALUES "
                            + "(1, 'SP001', 'p_3fa9', 7, 5, 299, TIMESTAMP '2024-04-01 10:00:00', "
                            + "(SELECT id FROM platform WHERE code = 'xiaohongshu'), 3, 'paid'), "
                            + "(2, 'SP002', 'p_3fa9', NULL, NULL, 49, TIMESTAMP '2024-04-02 10:00:00', "
                            + "(SELECT id FROM platform WHERE code = 'douyin'), NULL, 'paid')");
                    s.execute("UPDATE customer_order SET refund_of = 1, status = 'refunded' WHERE id = 2");
                }
                return null;
            });
            TableBrowser orders = new TableBrowser(project.database(), "customer_order");
            assertEquals(List.of("order_ref", "customer_ref", "follower", "product", "amount", "currency", "paid_at",
                    "platform", "campaign", "status", "refund_of"), orders.columns());
            List<Object[]> rows = orders.rows(new long[]{1, 2});
            assertEquals(List.of("SP001", "p_3fa9", "p_3fa9", "写作课", "xiaohongshu", "双十一大促"),
                    List.of(rows.get(0)[0], rows.get(0)[1], rows.get(0)[2], rows.get(0)[3], rows.get(0)[7],
                            rows.get(0)[8]));
            assertEquals("SP001", rows.get(1)[orders.columns().indexOf("refund_of")], "a refund names its order");
            assertEquals(null, rows.get(1)[orders.columns().indexOf("product")]);
            assertArrayEquals(new long[]{2, 1}, orders.orderedKeys("platform", true, TaskContext.silent()),
                    "a reference sorts by the key it stores (douyin was added before xiaohongshu)");

            List<String> platforms = new TableBrowser(project.database(), "platform").columns();
            assertEquals(List.of("name_en", "name_zh", "built_in"), platforms);
            List<String> imports = new TableBrowser(project.database(), "import_batch").columns();
            assertTrue(!imports.contains("content_hash") && !imports.contains("mapping") && !imports.contains("id"),
                    imports.toString());
            assertThrows(IllegalArgumentException.class,
                    () -> orders.orderedKeys("platform_id", true, TaskContext.silent()), "only shown columns sort");
        }
    }

    @Test
    void onlyKnownTablesCanBeBrowsed() {
        assertThrows(IllegalArgumentException.class, () -> TableCatalog.requireBrowsable("project_meta"));
    }
}
