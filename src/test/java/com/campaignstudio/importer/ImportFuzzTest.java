package com.campaignstudio.importer;

import com.campaignstudio.project.Project;
import com.campaignstudio.project.ProjectLocations;
import com.campaignstudio.work.TaskContext;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Random and mutated files never crash an import and never leave part of one behind: each ends either
 * in a report whose counts match what the project gained, or in an ImportException with nothing written.
 */
class ImportFuzzTest {

    private static Path folder;
    private static Project project;

    @BeforeContainer
    static void createProject() throws Exception {
        folder = Files.createTempDirectory("import-fuzz");
        project = Project.create(ProjectLocations.under(folder.resolve("home")), folder.resolve("p.campaign"),
                ZoneId.of("Asia/Shanghai"));
    }

    @AfterContainer
    static void closeProject() throws Exception {
        project.close();
        try (Stream<Path> all = Files.walk(folder)) {
            for (Path path : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    @Property(tries = 150)
    void anyFileIsImportedOrRefusedWholly(@ForAll("files") byte[] content) throws Exception {
        Path file = Files.write(folder.resolve("fuzz.csv"), content);
        long ordersBefore = count("SELECT COUNT(*) FROM customer_order");
        long importsBefore = count("SELECT COUNT(*) FROM import_batch");
        try {
            List<String> headers;
            try (TabularSource source = TabularSource.open(file)) {
                headers = source.headers();
            }
            ColumnMapping mapping = MappingSuggester.suggest(EntityKind.ORDERS, headers);
            // An incomplete mapping is tried too: it must be refused like any other file that cannot go in.
            boolean complete = mapping.missing(EntityKind.ORDERS).isEmpty();
            ImportReport report = new Importer(project.database()).run(new ImportPlan(file, EntityKind.ORDERS, mapping,
                    ImportPlan.Duplicates.SKIP, ImportPlan.RejectionPolicy.IMPORT_GOOD_ROWS), TaskContext.silent());
            assertEquals(ordersBefore + report.accepted(), count("SELECT COUNT(*) FROM customer_order"));
            assertEquals(report.rowsRead(), report.accepted() + report.updated() + report.skipped() + report.rejected());
            assertTrue(complete, "an import without " + mapping.missing(EntityKind.ORDERS) + " went in: " + report);
        } catch (ImportException refused) {
            assertEquals(ordersBefore, count("SELECT COUNT(*) FROM customer_order"));
            assertEquals(importsBefore, count("SELECT COUNT(*) FROM import_batch"));
            assertTrue(refused.getMessage().startsWith("fuzz.csv"), refused.getMessage());
        }
    }

    @Provide
    Arbitrary<byte[]> files() {
        String good = "订单号,用户ID,实付金额,支付时间,订单状态\n"
                + "F1,u1,\"¥1,299.00\",2024/3/5 21:07,已支付\n"
                + "F2,u2,88元,2024年3月6日,交易成功\n"
                + "F3,u3,$12.50,1709644020,已退款\n";
        Arbitrary<byte[]> mutated = Arbitraries.integers().between(0, good.length() - 1).list().ofMaxSize(6)
                .flatMap(positions -> Arbitraries.chars().list().ofSize(positions.size()).map(chars -> {
                    StringBuilder text = new StringBuilder(good);
                    for (int i = 0; i < positions.size(); i++) {
                        text.setCharAt(positions.get(i), chars.get(i));
                    }
                    return text.toString();
                }))
                .flatMap(text -> Arbitraries.of("UTF-8", "GB18030", "UTF-16").map(cs -> text.getBytes(Charset.forName(cs))));
        Arbitrary<byte[]> structured = Arbitraries.strings().withChars("订单号用户ID实付金额支付时间,\"\n\r;|\t ¥0123456789-/:年月日")
                .ofMaxLength(300).map(text -> ("订单号,用户ID,实付金额,支付时间\n" + text).getBytes(Charset.forName("UTF-8")));
        Arbitrary<byte[]> noise = Arbitraries.bytes().array(byte[].class).ofMaxSize(2000);
        return Arbitraries.oneOf(mutated, structured, noise);
    }

    private static long count(String sql) throws Exception {
        return project.database().read(connection -> {
            try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }
}
