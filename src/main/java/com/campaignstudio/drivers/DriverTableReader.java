package com.campaignstudio.drivers;

import com.campaignstudio.project.ProjectDatabase;
import com.campaignstudio.segments.FactsReader;
import com.campaignstudio.segments.FollowerFacts;
import com.campaignstudio.segments.Population;
import com.campaignstudio.segments.SegmentProfile;
import com.campaignstudio.segments.SegmentStore;
import com.campaignstudio.segments.Segmentation;
import com.campaignstudio.work.TaskContext;

import java.sql.SQLException;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the per-follower table (decision note 0015): engagement counts by kind, days since following and platform
 * as the segments' {@link FactsReader} counts them, the segment of the most recent saved segmentation, and paid
 * orders linked to the follower. An engagement kind the project never recorded is not offered as an input.
 */
public final class DriverTableReader {

    private final ProjectDatabase database;

    public DriverTableReader(ProjectDatabase database) {
        this.database = database;
    }

    public DriverTable read(TaskContext context) throws SQLException {
        FollowerFacts facts = new FactsReader(database).read(Population.everyone(), context);
        int n = facts.size();
        Map<DriverInput, double[]> numbers = new EnumMap<>(DriverInput.class);
        for (DriverInput input : DriverInput.values()) {
            if (input.engagementKind() == null) {
                continue;
            }
            long[] counts = facts.kindCounts().get(input.engagementKind());
            if (counts != null && java.util.Arrays.stream(counts).anyMatch(count -> count > 0)) {
                numbers.put(input, java.util.Arrays.stream(counts).asDoubleStream().toArray());
            }
        }
        if (java.util.Arrays.stream(facts.tenureDays()).anyMatch(Double::isFinite)) {
            numbers.put(DriverInput.TENURE_DAYS, facts.tenureDays().clone());
        }
        Map<DriverInput, String[]> categories = new EnumMap<>(DriverInput.class);
        categories.put(DriverInput.PLATFORM, facts.platforms().clone());
        context.checkCancelled();
        SegmentStore store = new SegmentStore(database);
        List<SegmentStore.Summary> saved = store.list();
        String segmentationName = null;
        if (!saved.isEmpty()) {
            SegmentStore.Summary latest = saved.getFirst();
            segmentationName = latest.name();
            categories.put(DriverInput.SEGMENT, segments(store.load(latest.id()), facts.ids()));
        }
        double[] orders = java.util.Arrays.stream(facts.orders()).asDoubleStream().toArray();
        return new DriverTable(numbers, categories, orders, segmentationName);
    }

    /** Each follower's segment name; null for one the segmentation did not cover. */
    private static String[] segments(Segmentation segmentation, long[] followerIds) {
        Map<Integer, String> names = new HashMap<>();
        for (SegmentProfile profile : segmentation.profiles()) {
            names.put(profile.number(), profile.name());
        }
        Map<Long, String> byFollower = new HashMap<>();
        for (int i = 0; i < segmentation.followerIds().length; i++) {
            byFollower.put(segmentation.followerIds()[i], names.get(segmentation.segment()[i]));
        }
        String[] segments = new String[followerIds.length];
        for (int i = 0; i < followerIds.length; i++) {
            segments[i] = byFollower.get(followerIds[i]);
        }
        return segments;
    }
}
