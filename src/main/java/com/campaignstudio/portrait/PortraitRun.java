package com.campaignstudio.portrait;

import com.campaignstudio.project.ProjectDatabase;
import com.campaignstudio.segments.SegmentStore;
import com.campaignstudio.segments.Segmentation;
import com.campaignstudio.work.TaskContext;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/** Portraits of one or two groups of a project, read through the project's {@link Audiences}. */
public final class PortraitRun {

    private final ProjectDatabase database;
    private final Audiences audiences;

    public PortraitRun(ProjectDatabase database, Audiences audiences) {
        this.database = database;
        this.audiences = audiences;
    }

    /** The portraits of {@code groups} (one or two) beside the whole audience. */
    public PortraitResult run(List<PortraitGroup> groups, TaskContext context) throws SQLException {
        if (groups.isEmpty() || groups.size() > 2) {
            throw new IllegalArgumentException("a portrait is of one group or two side by side, not " + groups.size());
        }
        AudienceTable table = audiences.of(database, context);
        List<BitSet> members = new ArrayList<>();
        for (PortraitGroup group : groups) {
            members.add(members(table, group));
        }
        context.checkCancelled();
        return of(table, groups, members, Portraits.MIN_COUNT);
    }

    /** The portraits of {@code groups}, whose members are given, beside the whole audience of {@code table}. */
    public static PortraitResult of(AudienceTable table, List<PortraitGroup> groups, List<BitSet> members,
                                    int minCount) {
        Portrait audience = Portraits.of(table, Portraits.everyone(table));
        List<PortraitResult.GroupPortrait> portraits = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            Portrait portrait = groups.get(g).isEveryone() ? audience : Portraits.of(table, members.get(g));
            portraits.add(new PortraitResult.GroupPortrait(groups.get(g), portrait,
                    Portraits.index(portrait, audience, minCount)));
        }
        List<IndexRow> comparison = portraits.size() == 2
                ? Portraits.index(portraits.get(0).portrait(), portraits.get(1).portrait(), minCount) : List.of();
        return new PortraitResult(audience, portraits, comparison, table.lastDay().orElse(null),
                table.unlinkedBuyers(), minCount);
    }

    /** The followers of {@code group}, as indexes into {@code table}. */
    public BitSet members(AudienceTable table, PortraitGroup group) throws SQLException {
        BitSet members = Portraits.everyone(table);
        if (group.platform() != null) {
            members.and(Groups.onPlatform(table, group.platform()));
        }
        if (group.buyersOnly()) {
            members.and(Groups.buyers(table));
        }
        if (group.segment() != null) {
            Segmentation segmentation = new SegmentStore(database).load(group.segment().segmentationId());
            members.and(Groups.inSegment(table, segmentation.followerIds(), segmentation.segment(),
                    group.segment().segmentNo()));
        }
        return members;
    }
}
