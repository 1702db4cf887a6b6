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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fills a project with deterministic synthetic data whose parameters are known ({@link PlantedTruth}):
 * followers in four segments, their engagement and funnel, BG/NBD repeat purchases with Gamma-Gamma order
 * values, posts with weekday-by-hour effects and reach decay, ad spend with Hill responses, and live
 * sessions. The same seed and size always give the same data.
 */
public final class DemoGenerator {

    /** Where the generator records each follower's planted segment, so that analyses can be scored. */
    public static final String SEGMENT_TRUTH_TABLE = "demo_planted_segment";

    private static final Map<String, Object[]> PRODUCTS = products();

    private final PlantedTruth truth;

    public DemoGenerator(PlantedTruth truth) {
        this.truth = truth;
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
        Map<String, Long> campaignIds = writeCampaigns(connection, platformIds);
        context.message(Reason.of("stage.posts"));
        // Posts come first, so that engagement can name them, each from a stream of its own: the followers' data
        // stays what the seed always made.
        PostTimeline posts = new ContentSimulation(truth, new Sampler(truth.seed() + 1), platformIds)
                .write(connection, size.postsPerPlatform());
        context.checkCancelled();
        context.message(Reason.of("stage.followers"));
        new FollowerSimulation(truth, sampler, platformIds, productIds, posts, new Sampler(truth.seed() + 2))
                .write(connection, size.followers(), context);
        new SpendSimulation(truth, sampler, platformIds, campaignIds).write(connection);
        new LiveSimulation(truth, sampler, platformIds).write(connection);
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

    private static List<Long> writeProducts(Connection connection) throws SQLException {
        try (BatchInsert rows = new BatchInsert(connection,
                "INSERT INTO product (id, name, kind, list_price) VALUES (?, ?, ?, ?)")) {
            long id = 0;
            for (Map.Entry<String, Object[]> product : PRODUCTS.entrySet()) {
                rows.add(++id, product.getKey(), product.getValue()[0], product.getValue()[1]);
            }
        }
        List<Long> ids = new ArrayList<>();
        for (long id = 1; id <= PRODUCTS.size(); id++) {
            ids.add(id);
        }
        return ids;
    }

    private Map<String, Long> writeCampaigns(Connection connection, Map<String, Integer> platformIds)
            throws SQLException {
        Map<String, Long> ids = new LinkedHashMap<>();
        ids.put("Always-on promotion", 1L);
        ids.put("Spring course launch", 2L);
        ids.put("Double 11 sale", 3L);
        try (BatchInsert campaigns = new BatchInsert(connection,
                "INSERT INTO campaign (id, name, starts_on, ends_on, budget) VALUES (?, ?, ?, ?, ?)")) {
            campaigns.add(1L, "Always-on promotion", truth.endDate().minusDays(364), truth.endDate(), 3_000_000.0);
            campaigns.add(2L, "Spring course launch", truth.startDate().plusMonths(6),
                    truth.startDate().plusMonths(7), 120_000.0);
            campaigns.add(3L, "Double 11 sale", truth.startDate().plusMonths(13).plusDays(10),
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
        return ids;
    }

    private static Map<String, Object[]> products() {
        Map<String, Object[]> products = new LinkedHashMap<>();
        products.put("Writing for social media (course)", new Object[]{"course", 699.0});
        products.put("Personal finance basics (course)", new Object[]{"course", 399.0});
        products.put("Data analysis with spreadsheets (course)", new Object[]{"course", 1299.0});
        products.put("The creator's handbook (e-book)", new Object[]{"ebook", 49.0});
        products.put("Weekly industry notes (column)", new Object[]{"column", 199.0});
        products.put("Inner circle (membership)", new Object[]{"membership", 999.0});
        products.put("Saturday live class", new Object[]{"live_class", 99.0});
        products.put("One-to-one career review", new Object[]{"consulting", 1999.0});
        return products;
    }
}
