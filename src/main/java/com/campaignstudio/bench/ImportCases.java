package com.campaignstudio.bench;

import com.campaignstudio.importer.EntityKind;
import com.campaignstudio.importer.ImportPlan;
import com.campaignstudio.importer.ImportReport;
import com.campaignstudio.importer.Importer;
import com.campaignstudio.importer.MappingSuggester;
import com.campaignstudio.importer.TabularSource;
import com.campaignstudio.project.Project;
import com.campaignstudio.project.ProjectLocations;
import com.campaignstudio.work.TaskContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Import of a million order rows (about 100 MB of CSV, 10 columns) into a new project file, timed from
 * the start of the import to the saved file. Beside it, on the same file: {@code sqlite3 .import} into a
 * fresh SQLite database (when sqlite3 is installed) and H2's own {@code CREATE TABLE AS SELECT * FROM
 * CSVREAD(...)}. And a 100,000-row workbook, which the import issue wants imported "in seconds".
 */
final class ImportCases {

    static final int ORDER_ROWS = Integer.getInteger("campaignstudio.bench.orderRows", 1_000_000);
    static final int WORKBOOK_ROWS = Integer.getInteger("campaignstudio.bench.workbookRows", 100_000);

    private final Path scratch;

    ImportCases(Path scratch) {
        this.scratch = scratch;
    }

    BenchResult importOrders() throws Exception {
        Path csv = scratch.resolve("orders-1m.csv");
        OrderFiles.write(csv, ORDER_ROWS);
        Timed timed = timedImport(csv, "import-bench.campaign");
        Map<String, String> extra = new LinkedHashMap<>();
        extra.put("rows_per_s", Long.toString(Math.round(timed.report().rowsRead() / timed.seconds())));
        extra.put("accepted", Long.toString(timed.report().accepted()));
        extra.put("csv_mb", Long.toString(Files.size(csv) / (1024 * 1024)));
        putPhases(extra, timed);
        sqlite(csv).ifPresent(s -> extra.put("sqlite3_rows_per_s", Long.toString(Math.round(ORDER_ROWS / s))));
        extra.put("h2_csvread_rows_per_s", Long.toString(Math.round(ORDER_ROWS / csvread(csv))));
        return new BenchResult("import-orders", ORDER_ROWS, timed.seconds(), timed.heapMegabytes(), extra);
    }

    /** A second million orders (new order numbers) into the project of the first: the 1M-into-1M case. */
    BenchResult importMoreOrders() throws Exception {
        Path first = scratch.resolve("orders-1m.csv");
        Path second = scratch.resolve("orders-1m-more.csv");
        OrderFiles.write(first, ORDER_ROWS);
        OrderFiles.write(second, ORDER_ROWS, ORDER_ROWS);
        Path projectFile = scratch.resolve("import-more.campaign");
        Files.deleteIfExists(projectFile);
        ProjectLocations locations = ProjectLocations.under(scratch.resolve("home-import"));
        try (Project project = Project.create(locations, projectFile, ZoneId.of("Asia/Shanghai"))) {
            importInto(project, first, EntityKind.ORDERS);
            project.save();
        }
        return result("import-orders-more", timedImport(projectFile, second, EntityKind.ORDERS), second);
    }

    /** A million followers, then five million events of half a million of them: the sizes of a real event log. */
    BenchResult importFollowers() throws Exception {
        Path csv = scratch.resolve("followers-1m.csv");
        AudienceFiles.followers(csv, ORDER_ROWS);
        Path projectFile = scratch.resolve("import-followers.campaign");
        Files.deleteIfExists(projectFile);
        Project.create(ProjectLocations.under(scratch.resolve("home-import")), projectFile, ZoneId.of("Asia/Shanghai"))
                .close();
        return result("import-followers", timedImport(projectFile, csv, EntityKind.FOLLOWERS), csv);
    }

    BenchResult importEngagement() throws Exception {
        int events = Integer.getInteger("campaignstudio.bench.eventRows", 5_000_000);
        Path followers = scratch.resolve("followers-500k.csv");
        Path log = scratch.resolve("events.csv");
        AudienceFiles.followers(followers, 500_000);
        AudienceFiles.events(log, events, 500_000);
        Path projectFile = scratch.resolve("import-events.campaign");
        Files.deleteIfExists(projectFile);
        try (Project project = Project.create(ProjectLocations.under(scratch.resolve("home-import")), projectFile,
                ZoneId.of("Asia/Shanghai"))) {
            importInto(project, followers, EntityKind.FOLLOWERS);
            project.save();
        }
        return result("import-engagement", timedImport(projectFile, log, EntityKind.ENGAGEMENT), log);
    }

    private BenchResult result(String name, Timed timed, Path file) throws IOException {
        Map<String, String> extra = new LinkedHashMap<>();
        extra.put("rows_per_s", Long.toString(Math.round(timed.report().rowsRead() / timed.seconds())));
        extra.put("accepted", Long.toString(timed.report().accepted()));
        extra.put("rejected", Long.toString(timed.report().rejected()));
        extra.put("file_mb", Long.toString(Files.size(file) / (1024 * 1024)));
        putPhases(extra, timed);
        return new BenchResult(name, timed.report().rowsRead(), timed.seconds(), timed.heapMegabytes(), extra);
    }

    /** A workbook of 100,000 orders with numeric amounts and Excel date cells, into a new project file. */
    BenchResult importWorkbook() throws Exception {
        Path xlsx = scratch.resolve("orders-100k.xlsx");
        OrderFiles.writeWorkbook(xlsx, WORKBOOK_ROWS);
        Timed timed = timedImport(xlsx, "import-xlsx-bench.campaign");
        Map<String, String> extra = new LinkedHashMap<>();
        extra.put("rows_per_s", Long.toString(Math.round(timed.report().rowsRead() / timed.seconds())));
        extra.put("accepted", Long.toString(timed.report().accepted()));
        extra.put("xlsx_mb", Long.toString(Files.size(xlsx) / (1024 * 1024)));
        return new BenchResult("import-xlsx", WORKBOOK_ROWS, timed.seconds(), timed.heapMegabytes(), extra);
    }

    private static void putPhases(Map<String, String> extra, Timed timed) {
        timed.report().phases().forEach(phase -> extra.put(phase.name() + "_s",
                String.format(java.util.Locale.ROOT, "%.2f", phase.seconds())));
        extra.put("save_s", String.format(java.util.Locale.ROOT, "%.2f", timed.saveSeconds()));
        extra.put("project_mb", Long.toString(timed.projectBytes() / (1024 * 1024)));
    }

    private record Timed(ImportReport report, double seconds, long heapMegabytes, double saveSeconds, long projectBytes) {
    }

    /** Imports {@code file} as orders into a new project and saves it, timed from the start to the saved file. */
    private Timed timedImport(Path file, String projectName) throws Exception {
        Path projectFile = scratch.resolve(projectName);
        Files.deleteIfExists(projectFile);
        Project.create(ProjectLocations.under(scratch.resolve("home-import")), projectFile, ZoneId.of("Asia/Shanghai"))
                .close();
        return timedImport(projectFile, file, EntityKind.ORDERS);
    }

    /** Opens {@code projectFile}, imports {@code file} and saves, timed from the open to the saved file. */
    private Timed timedImport(Path projectFile, Path file, EntityKind kind) throws Exception {
        ProjectLocations locations = ProjectLocations.under(scratch.resolve("home-import"));
        HeapPeak.reset();
        long started = System.nanoTime();
        long saving;
        ImportReport report;
        try (Project project = Project.open(locations, projectFile)) {
            report = importInto(project, file, kind);
            saving = System.nanoTime();
            project.save();
        }
        long finished = System.nanoTime();
        return new Timed(report, (finished - started) / 1e9, HeapPeak.megabytes(), (finished - saving) / 1e9,
                Files.size(projectFile));
    }

    private static ImportReport importInto(Project project, Path file, EntityKind kind) throws Exception {
        List<String> headers;
        try (TabularSource source = TabularSource.open(file)) {
            headers = source.headers();
        }
        return new Importer(project.database()).run(new ImportPlan(file, kind, MappingSuggester.suggest(kind, headers),
                ImportPlan.Duplicates.UPDATE, ImportPlan.RejectionPolicy.IMPORT_GOOD_ROWS), TaskContext.silent());
    }

    private java.util.Optional<Double> sqlite(Path csv) throws IOException, InterruptedException {
        Path db = scratch.resolve("bench.sqlite");
        Files.deleteIfExists(db);
        long started = System.nanoTime();
        Process process;
        try {
            process = new ProcessBuilder("sqlite3", db.toString(), ".mode csv", ".import " + csv + " orders")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException notInstalled) {
            return java.util.Optional.empty();
        }
        if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of((System.nanoTime() - started) / 1e9);
    }

    private double csvread(Path csv) throws Exception {
        Path folder = Files.createTempDirectory(scratch, "csvread");
        long started = System.nanoTime();
        try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + folder.resolve("db"), "sa", "");
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE orders AS SELECT * FROM CSVREAD('" + csv.toString().replace("'", "''")
                    + "', NULL, 'charset=UTF-8')");
            statement.execute("SHUTDOWN");
        }
        return (System.nanoTime() - started) / 1e9;
    }
}
