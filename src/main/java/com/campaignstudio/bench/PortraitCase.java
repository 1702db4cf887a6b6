package com.campaignstudio.bench;

import com.campaignstudio.demo.ActivityHistories;
import com.campaignstudio.portrait.AudienceTable;
import com.campaignstudio.portrait.Audiences;
import com.campaignstudio.portrait.Groups;
import com.campaignstudio.portrait.PortraitGroup;
import com.campaignstudio.portrait.PortraitResult;
import com.campaignstudio.portrait.PortraitRun;
import com.campaignstudio.portrait.Portraits;
import com.campaignstudio.project.Project;
import com.campaignstudio.project.ProjectLocations;
import com.campaignstudio.work.TaskContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Statement;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The audience portrait of 1M followers with 5M engagement rows and 300,000 orders (generated and saved first, not
 * timed; gender, age and region written in the mixed forms exports use): after opening the project, reading the
 * audience (one scan of each table, {@code load_s}), then the portrait of the buyers beside everyone with their TGI
 * ({@code seconds}: the "< 1 s after the project's data is loaded"), repeated, and buyers compared with one
 * platform's followers.
 */
final class PortraitCase {

    static final int FOLLOWERS = 1_000_000;
    static final int EVENTS = 5_000_000;
    static final int ORDERS = 300_000;
    private static final int REPEATS = 5;

    private PortraitCase() {
    }

    static BenchResult run(Path scratch, String name) throws Exception {
        Path file = scratch.resolve(name + ".campaign");
        Files.deleteIfExists(file);
        ProjectLocations locations = ProjectLocations.under(scratch.resolve("home-portrait"));
        long generationStarted = System.nanoTime();
        try (Project project = Project.create(locations, file, ZoneId.of("Asia/Shanghai"))) {
            project.database().transaction(connection -> {
                ActivityHistories.write(connection, FOLLOWERS, EVENTS, ORDERS, 20_261_126L, TaskContext.silent());
                try (Statement statement = connection.createStatement()) {
                    statement.executeUpdate("UPDATE follower SET "
                            + "gender = CASEWHEN(MOD(id, 7) = 0, NULL, CASEWHEN(MOD(id, 3) = 0, '男', "
                            + "CASEWHEN(MOD(id, 2) = 0, 'female', '女'))), "
                            + "age_band = CASEWHEN(MOD(id, 11) = 0, '未知', CASEWHEN(MOD(id, 5) = 0, '18-24', "
                            + "CASEWHEN(MOD(id, 5) = 1, '25-30岁', CASEWHEN(MOD(id, 5) = 2, '31–40', "
                            + "CASEWHEN(MOD(id, 5) = 3, '41-50', '50+'))))), "
                            + "region = CASEWHEN(MOD(id, 13) = 0, NULL, CASEWHEN(MOD(id, 4) = 0, '广东省', "
                            + "CASEWHEN(MOD(id, 4) = 1, 'Beijing', CASEWHEN(MOD(id, 4) = 2, '上海市', '浙江'))))");
                }
                return null;
            });
            project.save();
        }
        double generation = seconds(generationStarted);
        Map<String, String> extra = new LinkedHashMap<>();
        try (Project project = Project.open(locations, file)) {
            HeapPeak.reset();
            Audiences audiences = new Audiences();
            long started = System.nanoTime();
            AudienceTable table = audiences.of(project.database(), TaskContext.silent());
            double load = seconds(started);
            List<PortraitGroup> buyers = List.of(PortraitGroup.buyers());
            List<BitSet> buyerMembers = List.of(Groups.buyers(table));
            started = System.nanoTime();
            PortraitResult first = PortraitRun.of(table, buyers, buyerMembers, Portraits.MIN_COUNT);
            double portrait = seconds(started);
            double[] repeat = new double[REPEATS];
            for (int run = 0; run < REPEATS; run++) {
                long again = System.nanoTime();
                PortraitRun.of(table, buyers, List.of(Groups.buyers(table)), Portraits.MIN_COUNT);
                repeat[run] = seconds(again);
            }
            String platform = table.platforms().keySet().stream().sorted().findFirst().orElseThrow();
            started = System.nanoTime();
            PortraitResult compared = PortraitRun.of(table, List.of(PortraitGroup.buyers(),
                    PortraitGroup.onPlatform(platform)), List.of(Groups.buyers(table), Groups.onPlatform(table, platform)),
                    Portraits.MIN_COUNT);
            double compare = seconds(started);
            extra.put("load_s", format(load));
            extra.put("portrait_repeat_s", format(median(repeat)));
            extra.put("compare_s", format(compare));
            extra.put("followers", Integer.toString(table.followers()));
            extra.put("buyers", Long.toString(first.groups().getFirst().portrait().followers()));
            extra.put("interactions", Long.toString(first.audience().activeHours().total()));
            extra.put("compared_rows", Integer.toString(compared.comparison().size()));
            extra.put("generation_s", format(generation));
            return new BenchResult(name, FOLLOWERS, portrait, HeapPeak.megabytes(), extra);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }
}
