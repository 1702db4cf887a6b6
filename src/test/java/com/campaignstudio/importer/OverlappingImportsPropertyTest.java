package com.campaignstudio.importer;

import com.campaignstudio.project.Project;
import com.campaignstudio.project.ProjectLocations;
import com.campaignstudio.work.TaskContext;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Importing a file, then a second that overlaps it (some order numbers again, with new values), gives the same
 * orders as importing the union once, in which the second file's values win: in the small path and in the bulk
 * path (indexes dropped and built again), with the key look-ups of either.
 */
class OverlappingImportsPropertyTest {

    @Example
    void theSameHoldsForImportsLargeEnoughToDropAndRebuildTheIndexes() throws Exception {
        aSecondImportWithOverlappingKeysEqualsImportingTheUnionOnce(60_000, 20_000, 40_000, 11L);
    }

    @Property(tries = 12)
    void aSecondImportWithOverlappingKeysEqualsImportingTheUnionOnce(@ForAll @IntRange(min = 1, max = 400) int first,
                                                                      @ForAll @IntRange(min = 0, max = 400) int overlap,
                                                                      @ForAll @IntRange(min = 0, max = 400) int fresh,
                                                                      @ForAll long seed) throws Exception {
        int shared = Math.min(overlap, first);
        Random random = new Random(seed);
        Map<String, String> a = new LinkedHashMap<>();
        for (int i = 0; i < first; i++) {
            a.put("o" + i, row(random));
        }
        Map<String, String> b = new LinkedHashMap<>();
        for (int i = first - shared; i < first + fresh; i++) {
            b.put("o" + i, row(random));
        }
        Map<String, String> union = new LinkedHashMap<>(a);
        union.putAll(b);

        Path folder = Files.createTempDirectory("overlap");
        try (Project twice = project(folder, "twice"); Project once = project(folder, "once")) {
            importRows(twice, folder.resolve("a.csv"), a);
            importRows(twice, folder.resolve("b.csv"), b);
            importRows(once, folder.resolve("union.csv"), union);
            String orders = "SELECT order_ref, amount, paid_at, status FROM customer_order ORDER BY order_ref";
            assertEquals(RealExportsTest.strings(once, "SELECT order_ref || '|' || amount || '|' || paid_at || '|' || "
                            + "status FROM customer_order ORDER BY order_ref"),
                    RealExportsTest.strings(twice, "SELECT order_ref || '|' || amount || '|' || paid_at || '|' || "
                            + "status FROM customer_order ORDER BY order_ref"), orders);
            assertEquals(union.size(), RealExportsTest.count(twice, "SELECT COUNT(*) FROM customer_order"));
        }
    }

    private static String row(Random random) {
        return (1 + random.nextInt(9_999)) + "." + random.nextInt(10) + "0,2024-" + (1 + random.nextInt(12)) + "-"
                + (1 + random.nextInt(28)) + " 10:00," + (random.nextInt(5) == 0 ? "已退款" : "已支付");
    }

    private static Project project(Path folder, String name) throws Exception {
        return Project.create(ProjectLocations.under(folder.resolve("home-" + name)), folder.resolve(name + ".campaign"),
                ZoneId.of("Asia/Shanghai"));
    }

    private static void importRows(Project project, Path file, Map<String, String> rows) throws Exception {
        List<String> lines = new ArrayList<>(List.of("order_id,customer,amount,paid_at,status"));
        rows.forEach((ref, row) -> lines.add(ref + ",c" + Math.abs(ref.hashCode() % 50) + "," + row));
        Files.write(file, lines);
        RealExportsTest.importFile(project, file, EntityKind.ORDERS);
    }
}
