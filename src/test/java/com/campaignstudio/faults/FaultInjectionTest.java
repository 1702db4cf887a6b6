package com.campaignstudio.faults;

import com.campaignstudio.dashboard.DashboardQueries;
import com.campaignstudio.data.TableCatalog;
import com.campaignstudio.project.Project;
import com.campaignstudio.project.ProjectLocations;
import com.campaignstudio.project.ProjectOpenException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Faults injected the way they happen to users: a second process racing for the same project, the process killed
 * (kill -9) in the middle of an import or a save, bits flipped and files cut short on disk. Each trial ends in one
 * of three ways: clean (the project holds a consistent version, or the work was refused whole), a clear error
 * (the user is told what is wrong and nothing is changed), or lost (a silent wrong answer or missing rows); the
 * last must never happen. CI runs a few trials of each; {@code -Dcampaignstudio.faults.trials=50} (and
 * {@code .flips=250}) is the long run, see docs/reliability.md. Each case prints one summary line.
 */
class FaultInjectionTest {

    private static final int TRIALS = Integer.getInteger("campaignstudio.faults.trials", 3);
    private static final int FLIPS = Integer.getInteger("campaignstudio.faults.flips", 40);
    private static final long SEED = Long.getLong("campaignstudio.faults.seed", System.nanoTime());
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @TempDir
    Path folder;
    private Path home;
    private ProjectLocations locations;
    private final SplittableRandom random = new SplittableRandom(SEED);

    @BeforeEach
    void setUp() {
        home = folder.resolve("home");
        locations = ProjectLocations.under(home);
    }

    @Test
    void twoImportsRacingForOneProjectNeverBothSucceedWithRowsMissing() throws Exception {
        int rows = 3_000;
        Path first = orders(folder.resolve("a.csv"), "a", rows);
        Path second = orders(folder.resolve("b.csv"), "b", rows);
        Path template = folder.resolve("template.campaign");
        Project.create(locations, template, SHANGHAI).close();
        Outcomes outcomes = new Outcomes("races");
        for (int trial = 0; trial < TRIALS; trial++) {
            Path project = Files.copy(template, folder.resolve("race-" + trial + ".campaign"));
            Path errorsA = folder.resolve("race-" + trial + "-a.err");
            Path errorsB = folder.resolve("race-" + trial + "-b.err");
            Process a = ChildJvm.campaignStudio(home, errorsA, "import", "--project", project.toString(), "--file",
                    first.toString(), "--as", "orders");
            Thread.sleep(random.nextInt(1_500));
            Process b = ChildJvm.campaignStudio(home, errorsB, "import", "--project", project.toString(), "--file",
                    second.toString(), "--as", "orders");
            int exitA = finish(a);
            int exitB = finish(b);
            long rowsA;
            long rowsB;
            try (Project opened = Project.open(locations, project)) {
                rowsA = count(opened, "SELECT COUNT(*) FROM customer_order WHERE order_ref LIKE 'a%'");
                rowsB = count(opened, "SELECT COUNT(*) FROM customer_order WHERE order_ref LIKE 'b%'");
            }
            String refusal = exitA != 0 ? Files.readString(errorsA) : Files.readString(errorsB);
            if (exitA == 0 && exitB == 0) {
                outcomes.add(rowsA == rows && rowsB == rows ? "clean" : "lost",
                        "both succeeded; the file holds " + rowsA + " + " + rowsB + " of " + rows + " + " + rows);
            } else if ((exitA == 0) != (exitB == 0) && refusal.contains("is already open by")
                    && (exitA == 0 ? rowsA == rows && rowsB == 0 : rowsB == rows && rowsA == 0)) {
                outcomes.add("clear_error", refusal.strip());
            } else {
                outcomes.add("lost", "exits " + exitA + "/" + exitB + ", rows " + rowsA + "/" + rowsB + ": " + refusal);
            }
        }
        outcomes.assertNoneLost();
    }

    @Test
    void anImportKilledAtAnyMomentLeavesAllOfItOrNoneAndNoLeftovers() throws Exception {
        int rows = 30_000;
        Path export = orders(folder.resolve("big.csv"), "k", rows);
        Path template = folder.resolve("template.campaign");
        Project.create(locations, template, SHANGHAI).close();
        Outcomes outcomes = new Outcomes("kill_import");
        for (int trial = 0; trial < TRIALS; trial++) {
            Path project = Files.copy(template, folder.resolve("kill-" + trial + ".campaign"));
            Process child = ChildJvm.campaignStudio(home, folder.resolve("kill-" + trial + ".err"), "import",
                    "--project", project.toString(), "--file", export.toString(), "--as", "orders");
            long delay = 500 + random.nextInt(8_000);
            boolean finished = child.waitFor(delay, TimeUnit.MILLISECONDS);
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
            long imported;
            try (Project opened = Project.open(locations, project)) {
                imported = count(opened, "SELECT COUNT(*) FROM customer_order");
            }
            String at = (finished ? "finished before the kill" : "killed") + " after " + delay + " ms";
            if (leftovers(project) > 0) {
                outcomes.add("lost", "a temporary file was left beside the project, " + at);
            } else if (imported == 0 || imported == rows) {
                outcomes.add("clean", (imported == 0 ? "none" : "all") + " of the import, " + at);
            } else {
                outcomes.add("lost", imported + " of " + rows + " rows, " + at);
            }
        }
        outcomes.assertNoneLost();
    }

    @Test
    void aLargeImportKilledInAnyPhaseLeavesAllOfItOrNoneWithItsIndexes() throws Exception {
        int rows = 100_000;
        Path orders = orders(folder.resolve("large-orders.csv"), "p", rows);
        Path followers = followers(folder.resolve("large-followers.csv"), rows);
        Path template = folder.resolve("template.campaign");
        Project.create(locations, template, SHANGHAI).close();
        Outcomes outcomes = new Outcomes("kill_phases");
        int unreadable = 0;
        List<String[]> trials = List.of(new String[]{"orders", "stage.preparing"}, new String[]{"orders", "stage.importing"},
                new String[]{"orders", "stage.indexing"}, new String[]{"followers", "stage.indexing"},
                new String[]{"followers", "stage.linking"});
        for (int trial = 0; trial < Math.max(TRIALS / 3, 1) * trials.size(); trial++) {
            String kind = trials.get(trial % trials.size())[0];
            String phase = trials.get(trial % trials.size())[1];
            Path project = Files.copy(template, folder.resolve("phase-" + trial + ".campaign"));
            Process child = ChildJvm.command(home, AnnouncedImport.class.getName(), project.toString(),
                    (kind.equals("orders") ? orders : followers).toString(), kind)
                    .redirectError(folder.resolve("phase-" + trial + ".err").toFile()).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            String line;
            while ((line = out.readLine()) != null && !line.equals(phase)) {
                // wait for the phase
            }
            long delay = random.nextInt(400);
            Thread.sleep(delay);
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
            String table = kind.equals("orders") ? "customer_order" : "follower";
            try (Project opened = Project.open(locations, project)) {
                if (opened.unrecoveredChanges().isPresent()) {
                    unreadable++;
                }
                long imported = count(opened, "SELECT COUNT(*) FROM " + table);
                long indexes = count(opened, "SELECT COUNT(*) FROM INFORMATION_SCHEMA.INDEXES WHERE TABLE_SCHEMA = 'PUBLIC' "
                        + "AND INDEX_NAME IN ('ORDER_REF_KEY', 'FOLLOWER_KEY', 'FOLLOWER_EXTERNAL_ID')");
                String at = kind + ", killed " + delay + " ms into " + phase;
                boolean reached = phase.equals(line);
                outcomes.add(reached && (imported == 0 || imported == rows) && indexes == 3 ? "clean" : "lost",
                        (reached ? "" : "the phase was never reached; ") + imported + " of " + rows + " rows, "
                                + indexes + " of 3 indexes, " + at);
            }
        }
        System.out.println("faults case=kill_phases working_copies_unreadable_after_the_kill=" + unreadable
                + " (the saved version was opened instead)");
        outcomes.assertNoneLost();
    }

    @Test
    void aSaveKilledAtAnyMomentLeavesTheOldOrTheNewVersionAndNoLeftovers() throws Exception {
        Path template = folder.resolve("template.campaign");
        Project.create(locations, template, SHANGHAI).close();
        Outcomes outcomes = new Outcomes("kill_save");
        int killedMidSave = 0;
        for (int trial = 0; trial < TRIALS; trial++) {
            Path project = Files.copy(template, folder.resolve("save-" + trial + ".campaign"));
            Process child = ChildJvm.command(home, SaveInALoop.class.getName(), project.toString())
                    .redirectError(folder.resolve("save-" + trial + ".err").toFile()).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            String ready = out.readLine();
            long delay = random.nextInt(3_000);
            Thread.sleep(delay);
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
            if (leftovers(project) > 0) {
                killedMidSave++;
            }
            try (Project opened = Project.open(ProjectLocations.under(folder.resolve("reader-" + trial)), project)) {
                long base = count(opened, "SELECT COUNT(*) FROM follower WHERE platform_id = 1");
                long rounds = count(opened, "SELECT COUNT(*) FROM follower WHERE platform_id = 2");
                long lastRound = count(opened, "SELECT COALESCE(MAX(CAST(SUBSTRING(external_id, 7) AS INT)), 0) "
                        + "FROM follower WHERE platform_id = 2");
                boolean intact = "ready".equals(ready) && base == SaveInALoop.BASE && rounds == lastRound;
                outcomes.add(intact && leftovers(project) == 0 ? "clean" : "lost", "killed " + delay
                        + " ms after the first save: " + base + " base followers, rounds 1.." + lastRound + " with "
                        + rounds + " present, " + leftovers(project) + " leftovers");
            } catch (ProjectOpenException e) {
                outcomes.add("lost", "the file no longer opens: " + e.getMessage());
            }
        }
        System.out.println("faults case=kill_save killed_during_a_save=" + killedMidSave + " of " + TRIALS);
        outcomes.assertNoneLost();
    }

    @Test
    void aFlippedBitIsEitherHarmlessOrAClearErrorNeverASilentWrongAnswer() throws Exception {
        Path original = sampleProject();
        String truth = answers(original);
        byte[] bytes = Files.readAllBytes(original);
        List<int[]> regions = ZipRegions.of(bytes);
        Outcomes outcomes = new Outcomes("bit_flips");
        for (int trial = 0; trial < FLIPS; trial++) {
            int[] region = regions.get(trial % regions.size());
            int offset = region[0] + random.nextInt(region[1] - region[0]);
            byte[] flipped = bytes.clone();
            flipped[offset] ^= (byte) (1 << random.nextInt(8));
            Path damaged = Files.write(folder.resolve("flip-" + trial + ".campaign"), flipped);
            String region_ = ZipRegions.NAMES.get(trial % regions.size());
            try {
                String answer = answers(damaged);
                outcomes.add(answer.equals(truth) ? "clean" : "lost", region_ + " byte " + offset + ": "
                        + (answer.equals(truth) ? "same answers" : "different answers " + answer));
            } catch (ProjectOpenException e) {
                outcomes.add(e.getMessage().startsWith(damaged.getFileName() + ": ") ? "clear_error" : "lost",
                        region_ + " byte " + offset + ": " + e.getMessage());
            }
            Files.delete(damaged);
        }
        outcomes.assertNoneLost();
    }

    @Test
    void aFileCutShortAnywhereIsAClearError() throws Exception {
        Path original = sampleProject();
        byte[] bytes = Files.readAllBytes(original);
        Outcomes outcomes = new Outcomes("truncation");
        for (int trial = 0; trial < Math.max(10, TRIALS); trial++) {
            int length = random.nextInt(bytes.length);
            Path cut = Files.write(folder.resolve("cut-" + trial + ".campaign"), java.util.Arrays.copyOf(bytes, length));
            try {
                answers(cut);
                outcomes.add("lost", "opened after being cut to " + length + " of " + bytes.length + " bytes");
            } catch (ProjectOpenException e) {
                outcomes.add("clear_error", e.getMessage());
            }
        }
        outcomes.assertNoneLost();
    }

    /** A project with rows in several tables, saved, as a target for damage. */
    private Path sampleProject() throws Exception {
        Path file = folder.resolve("sample.campaign");
        if (Files.exists(file)) {
            return file;
        }
        try (Project project = Project.create(locations, file, SHANGHAI)) {
            project.database().transaction(connection -> {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("INSERT INTO follower (platform_id, external_id, region) "
                            + "SELECT MOD(X, 7) + 1, 'f-' || X, 'region-' || MOD(X, 31) FROM SYSTEM_RANGE(1, 3000)");
                    statement.execute("INSERT INTO customer_order (order_ref, customer_ref, follower_id, amount, paid_at, "
                            + "status) SELECT 'o-' || X, 'f-' || X, X, 10 + MOD(X, 90), TIMESTAMP '2026-01-01 00:00:00' "
                            + "+ X * INTERVAL '1' HOUR, 'paid' FROM SYSTEM_RANGE(1, 2000)");
                }
                return null;
            });
            project.save();
        }
        return file;
    }

    /** What a user would read off the project: every table's row count and the dashboard's figures. */
    private String answers(Path file) throws Exception {
        try (Project project = Project.open(ProjectLocations.under(Files.createTempDirectory(folder, "reader")), file)) {
            return new TableCatalog(project.database()).counts() + " " + new DashboardQueries(project.database()).summary();
        }
    }

    private static int finish(Process process) throws InterruptedException {
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("a child process did not finish in 3 minutes");
        }
        return process.exitValue();
    }

    private static long leftovers(Path project) throws Exception {
        try (Stream<Path> files = Files.list(project.getParent())) {
            return files.map(p -> p.getFileName().toString())
                    .filter(name -> name.startsWith("." + project.getFileName() + ".") && name.endsWith(".saving"))
                    .count();
        }
    }

    private static long count(Project project, String sql) throws Exception {
        return project.database().read(connection -> {
            try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private static Path orders(Path file, String prefix, int rows) throws Exception {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("order_id,customer,amount,paid_at,platform\n");
            for (int i = 0; i < rows; i++) {
                out.write(prefix + i + ",c" + (i % 997) + "," + (10 + i % 90) + ",2026-03-" + (1 + i % 28)
                        + " 10:00,douyin\n");
            }
        }
        return file;
    }

    private static Path followers(Path file, int rows) throws Exception {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("用户ID,平台,关注时间,地区,昵称\n");
            for (int i = 0; i < rows; i++) {
                out.write("f" + i + ",抖音,2026-01-" + (1 + i % 28) + ",广东省深圳市南山区,一位喜欢写作和理财的读者" + i + "\n");
            }
        }
        return file;
    }

    /** Counts the outcomes of one case's trials and prints them as one line. */
    private static final class Outcomes {
        private final String name;
        private final Map<String, Integer> counts = new LinkedHashMap<>(Map.of("clean", 0, "clear_error", 0, "lost", 0));
        private final List<String> lost = new ArrayList<>();
        private int trials;

        Outcomes(String name) {
            this.name = name;
        }

        void add(String outcome, String detail) {
            trials++;
            counts.merge(outcome, 1, Integer::sum);
            if (outcome.equals("lost")) {
                lost.add(detail);
            }
        }

        void assertNoneLost() {
            System.out.println("faults case=" + name + " trials=" + trials + " clean=" + counts.get("clean")
                    + " clear_error=" + counts.get("clear_error") + " lost=" + counts.get("lost") + " seed=" + SEED);
            assertTrue(lost.isEmpty(), name + " (seed " + SEED + "): " + lost);
            assertEquals(trials, counts.values().stream().mapToInt(Integer::intValue).sum());
        }
    }
}
