package com.campaignstudio.demo;

import com.campaignstudio.project.Identities;
import com.campaignstudio.project.ProjectMetadata;
import com.campaignstudio.text.Reason;
import com.campaignstudio.work.TaskContext;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Fills a project with deterministic synthetic data whose parameters are known ({@link PlantedTruth}):
 * followers in four segments, their engagement and funnel, BG/NBD repeat purchases with Gamma-Gamma order
 * values, posts with weekday-by-hour effects and reach decay, flighted ad spend with Hill responses, the guest
 * orders the ads bring by a weekly Hill response, and live sessions. The same seed and size always give the same data.
 */
public final class DemoGenerator {

    /** Where the generator records each follower's planted segment, so that analyses can be scored. */
    public static final String SEGMENT_TRUTH_TABLE = "demo_planted_segment";

    private final PlantedTruth truth;
    private final DemoNames names;

    /** A generator whose regions, topics, products and campaigns are named in {@code language}. */
    public DemoGenerator(PlantedTruth truth, Locale language) {
        this.truth = truth;
        this.names = DemoNames.in(language);
    }

    /** Writes all demo data through {@code connection}; the caller owns the transaction. */
    public void generate(Connection connection, DemoSize size, TaskContext context) throws SQLException {
        Sampler sampler = new Sampler(truth.seed());
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE " + SEGMENT_TRUTH_TABLE
                    + " (follower_id BIGINT PRIMARY KEY REFERENCES follower (id) ON DELETE CASCADE,"
                    + " segment TINYINT NOT NULL)");
        }
        Map<String, Integer> platformIds = platformIds(connection);
        List<Long> productIds = writeProducts(connection);
        long alwaysOn = writeCampaigns(connection, platformIds);
        context.message(Reason.of("stage.posts"));
        // Posts come first, so that engagement can name them, each from a stream of its own: the followers' data
        // stays what the seed always made.
        PostTimeline posts = new ContentSimulation(truth, new Sampler(truth.seed() + 1), platformIds, names.topics())
                .write(connection, size.postsPerPlatform());
        context.checkCancelled();
        context.message(Reason.of("stage.followers"));
        new FollowerSimulation(truth, sampler, platformIds, productIds, names.regions(), posts,
                new Sampler(truth.seed() + 2)).write(connection, size.followers(), context);
        // Flighting and the orders the ads bring draw from a stream of their own, so that every draw the data above
        // and the live sessions take stays what the seed always made.
        Sampler ads = new Sampler(truth.seed() + 3);
        LocalDate firstSpendDay = SpendSimulation.firstDay(truth);
        Flighting flighting = Flighting.draw(ads, PlantedTruth.platforms(), firstSpendDay, truth.endDate());
        double[][] dailySpend = new SpendSimulation(truth, sampler, platformIds, alwaysOn, flighting, ads)
                .write(connection);
        new LiveSimulation(truth, sampler, platformIds).write(connection);
        new AdOrderSimulation(truth, ads, platformIds, productIds, names.products())
                .write(connection, flighting, firstSpendDay, dailySpend);
        ProjectMetadata.put(connection, ProjectMetadata.PLANTED_TRUTH, toJson(truth));
        ProjectMetadata.put(connection, ProjectMetadata.NAME, "Demo project");
        Identities.restartAfterExplicitIds(connection);
        context.progress(1, 1);
    }

    public static String toJson(PlantedTruth truth) {
        return JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(truth);
    }

    public static PlantedTruth fromJson(String json) {
        return JsonMapper.builder().build().readValue(json, PlantedTruth.class);
    }

    private static Map<String, Integer> platformIds(Connection connection) throws SQLException {
        Map<String, Integer> ids = new HashMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT code, id FROM platform")) {
            while (rs.next()) {
                ids.put(rs.getString(1), rs.getInt(2));
            }
        }
        return ids;
    }

    private List<Long> writeProducts(Connection connection) throws SQLException {
        try (BatchInsert rows = new BatchInsert(connection,
                "INSERT INTO product (id, name, kind, list_price) VALUES (?, ?, ?, ?)")) {
            long id = 0;
            for (DemoNames.Product product : names.products()) {
                rows.add(++id, product.name(), product.kind(), product.listPrice());
            }
        }
        List<Long> ids = new ArrayList<>();
        for (long id = 1; id <= names.products().size(); id++) {
            ids.add(id);
        }
        return ids;
    }

    /** Writes the three campaigns and returns the id of the always-on one, which pays for the daily spend. */
    private long writeCampaigns(Connection connection, Map<String, Integer> platformIds) throws SQLException {
        try (BatchInsert campaigns = new BatchInsert(connection,
                "INSERT INTO campaign (id, name, starts_on, ends_on, budget) VALUES (?, ?, ?, ?, ?)")) {
            campaigns.add(1L, names.campaigns().get(0), truth.endDate().minusDays(364), truth.endDate(), 3_000_000.0);
            campaigns.add(2L, names.campaigns().get(1), truth.startDate().plusMonths(6),
                    truth.startDate().plusMonths(7), 120_000.0);
            campaigns.add(3L, names.campaigns().get(2), truth.startDate().plusMonths(13).plusDays(10),
                    truth.startDate().plusMonths(13).plusDays(11), 80_000.0);
        }
        try (BatchInsert links = new BatchInsert(connection,
                "INSERT INTO campaign_platform (campaign_id, platform_id) VALUES (?, ?)")) {
            for (String platform : PlantedTruth.platforms()) {
                links.add(1L, platformIds.get(platform));
            }
            links.add(2L, platformIds.get("douyin"));
            links.add(2L, platformIds.get("xiaohongshu"));
            links.add(3L, platformIds.get("douyin"));
            links.add(3L, platformIds.get("kuaishou"));
        }
        return 1L;
    }
}
