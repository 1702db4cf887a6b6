package com.campaignstudio.experiments;

import com.campaignstudio.project.ProjectDatabase;
import com.campaignstudio.snapshot.ActivitySnapshot;
import com.campaignstudio.text.Reason;
import com.campaignstudio.work.TaskContext;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Variants counted from the project instead of typed: campaigns, from the clicks and conversions their ad spend rows
 * report, or landing posts, from the people who saw (or clicked) each post and paid within a window after.
 *
 * <p>Neither is a randomised experiment: the project records no assignment of people to variants. Campaigns reach
 * different audiences, and one person may see several posts (counted in each, and said so), so a difference found
 * may come from who was reached rather than from the offer.
 */
public final class ProjectVariants {

    /** Where the counts come from. */
    public enum Source { CAMPAIGNS, LANDING_POSTS }

    /** A campaign or post the user may choose as a variant. */
    public record Item(long id, String name) {
    }

    /** Inclusive calendar days; either end may be open. */
    public record Days(Optional<LocalDate> from, Optional<LocalDate> to) {

        public static final Days ALL = new Days(Optional.empty(), Optional.empty());

        public Days {
            if (from.isPresent() && to.isPresent() && to.get().isBefore(from.get())) {
                throw new ExperimentException("experiment.project.error.days", from.get(), to.get());
            }
        }

        boolean contains(long second) {
            return from.map(day -> second >= ActivitySnapshot.second(day.atStartOfDay())).orElse(true)
                    && to.map(day -> second < ActivitySnapshot.second(day.plusDays(1).atStartOfDay())).orElse(true);
        }
    }

    /** How landing posts are counted: which event makes a visitor, and how long after it a paid order converts. */
    public record PostCounting(String visitKind, int windowDays) {

        public static final String VIEW = "view";
        public static final String CLICK = "click";

        public PostCounting {
            if (windowDays < 1 || windowDays > 365) {
                throw new ExperimentException("experiment.project.error.window", windowDays);
            }
        }
    }

    /** The counted variants, in the order chosen, and what the user should know about how they were counted. */
    public record Counted(List<Variant> variants, List<Reason> notes) {

        public Counted {
            variants = List.copyOf(variants);
            notes = List.copyOf(notes);
        }
    }

    private static final long DAY = 86_400;

    private ProjectVariants() {
    }

    /** The project's campaigns, by name. */
    public static List<Item> campaigns(ProjectDatabase database) throws SQLException {
        return database.read(connection -> {
            List<Item> items = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement("SELECT id, name FROM campaign ORDER BY name");
                 ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    items.add(new Item(rows.getLong(1), rows.getString(2)));
                }
            }
            return items;
        });
    }

    /**
     * The project's posts, newest first, named by their topic (or, without one, their id on the platform) and the
     * day they were published, so that two posts on one topic can be told apart; posts that would still share a name
     * (one topic on two platforms the same day) get their id on the platform too, as variants need distinct names.
     */
    public static List<Item> posts(ProjectDatabase database) throws SQLException {
        return database.read(connection -> {
            List<Long> ids = new ArrayList<>();
            List<String> names = new ArrayList<>();
            List<String> externalIds = new ArrayList<>();
            Map<String, Integer> uses = new HashMap<>();
            try (PreparedStatement query = connection.prepareStatement("SELECT id, topic, external_id, published_at "
                    + "FROM post ORDER BY published_at DESC, id");
                 ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    String topic = rows.getString(2);
                    String title = topic == null || topic.isBlank() ? rows.getString(3) : topic.strip();
                    String name = title + " \u00b7 " + rows.getTimestamp(4).toLocalDateTime().toLocalDate();
                    ids.add(rows.getLong(1));
                    names.add(name);
                    externalIds.add(rows.getString(3));
                    uses.merge(name, 1, Integer::sum);
                }
            }
            List<Item> items = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                String name = names.get(i);
                items.add(new Item(ids.get(i), uses.get(name) > 1 ? name + " \u00b7 " + externalIds.get(i) : name));
            }
            return items;
        });
    }

    /**
     * Each chosen campaign as a variant: visitors are the clicks and conversions the conversions of its ad spend rows
     * on the chosen days. A row whose clicks or conversions are unknown is left out whole (an unknown count is not
     * zero, and keeping half of it would pair conversions with the wrong clicks), and said so.
     */
    public static Counted fromCampaigns(ProjectDatabase database, List<Item> chosen, Days days) throws SQLException {
        requireTwo(chosen);
        Map<Long, long[]> totals = database.read(connection -> {
            // Per campaign: clicks, conversions, rows counted, rows with an unknown count.
            Map<Long, long[]> read = new HashMap<>();
            StringBuilder sql = new StringBuilder("SELECT campaign_id, clicks, conversions FROM spend "
                    + "WHERE campaign_id IN (");
            for (int i = 0; i < chosen.size(); i++) {
                sql.append(i == 0 ? "?" : ", ?");
            }
            sql.append(')');
            days.from().ifPresent(day -> sql.append(" AND spent_on >= ?"));
            days.to().ifPresent(day -> sql.append(" AND spent_on <= ?"));
            try (PreparedStatement query = connection.prepareStatement(sql.toString())) {
                int parameter = 1;
                for (Item item : chosen) {
                    query.setLong(parameter++, item.id());
                }
                if (days.from().isPresent()) {
                    query.setDate(parameter++, Date.valueOf(days.from().get()));
                }
                if (days.to().isPresent()) {
                    query.setDate(parameter, Date.valueOf(days.to().get()));
                }
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        long[] sums = read.computeIfAbsent(rows.getLong(1), id -> new long[4]);
                        long clicks = rows.getLong(2);
                        boolean clicksKnown = !rows.wasNull();
                        long conversions = rows.getLong(3);
                        if (clicksKnown && !rows.wasNull()) {
                            sums[0] += clicks;
                            sums[1] += conversions;
                            sums[2]++;
                        } else {
                            sums[3]++;
                        }
                    }
                }
            }
            return read;
        });
        List<Variant> variants = new ArrayList<>();
        List<Reason> notes = new ArrayList<>();
        notes.add(Reason.of("experiment.project.note.campaigns"));
        for (Item item : chosen) {
            long[] sums = totals.getOrDefault(item.id(), new long[4]);
            if (sums[3] > 0) {
                notes.add(Reason.of("experiment.project.note.unknownCounts", item.name(), sums[3], sums[2] + sums[3]));
            }
            if (sums[2] == 0) {
                throw new ExperimentException(sums[3] > 0 ? "experiment.project.error.campaignUnknownCounts"
                        : "experiment.project.error.noSpend", item.name());
            }
            if (sums[0] == 0) {
                throw new ExperimentException("experiment.project.error.noClicks", item.name());
            }
            if (sums[1] > sums[0]) {
                throw new ExperimentException("experiment.project.error.moreConversionsThanClicks", item.name(),
                        sums[1], sums[0]);
            }
            variants.add(new Variant(item.name(), sums[0], sums[1]));
        }
        return new Counted(variants, notes);
    }

    /**
     * Each chosen post as a variant: visitors are the people (among {@code population}, when given: follower ids)
     * with a {@link PostCounting#visitKind() visit} event on the post on the chosen days, conversions those of them
     * with a paid order at or after their first such event and at most {@link PostCounting#windowDays() the window}
     * after it (its last second included; orders after the chosen days count too). Refunds are not paid orders.
     */
    public static Counted fromPosts(ActivitySnapshot snapshot, List<Item> chosen, Days days, PostCounting counting,
                                    Optional<Set<Long>> population, TaskContext context) {
        requireTwo(chosen);
        Map<Integer, Integer> variantOfPost = new HashMap<>();
        for (int i = 0; i < chosen.size(); i++) {
            variantOfPost.put(Math.toIntExact(chosen.get(i).id()), i);
        }
        int kind = snapshot.kindCode(counting.visitKind());
        if (kind < 0) {
            throw new ExperimentException("experiment.project.error.noEventsOfKind", counting.visitKind());
        }
        BitSet members = population.map(ids -> members(snapshot, ids)).orElse(null);
        if (members != null && members.isEmpty()) {
            throw new ExperimentException("experiment.project.error.emptySegment");
        }
        int[] eventStart = snapshot.eventStart();
        long[] eventTime = snapshot.eventTime();
        short[] eventKind = snapshot.eventKind();
        int[] eventPost = snapshot.eventPost();
        int[] orderStart = snapshot.orderStart();
        long[] orderTime = snapshot.orderTime();
        long window = counting.windowDays() * DAY;
        long[] visitors = new long[chosen.size()];
        long[] conversions = new long[chosen.size()];
        long[] firstVisit = new long[chosen.size()];
        long overlapping = 0;
        long latestFirstVisit = ActivitySnapshot.NO_TIME;
        int followers = snapshot.followers();
        for (int p = 0; p < followers; p++) {
            if ((p & 0xFFF) == 0) {
                context.checkCancelled();
                context.progress(p, followers);
            }
            if (members != null && !members.get(p)) {
                continue;
            }
            java.util.Arrays.fill(firstVisit, ActivitySnapshot.NO_TIME);
            int seen = 0;
            for (int e = eventStart[p]; e < eventStart[p + 1]; e++) {
                if (eventKind[e] != kind || eventPost[e] == ActivitySnapshot.NONE) {
                    continue;
                }
                Integer variant = variantOfPost.get(eventPost[e]);
                // Events are in time order, so the first in range is the first visit.
                if (variant != null && firstVisit[variant] == ActivitySnapshot.NO_TIME && days.contains(eventTime[e])) {
                    firstVisit[variant] = eventTime[e];
                    seen++;
                }
            }
            if (seen > 1) {
                overlapping++;
            }
            for (int v = 0; v < firstVisit.length && seen > 0; v++) {
                long visit = firstVisit[v];
                if (visit == ActivitySnapshot.NO_TIME) {
                    continue;
                }
                visitors[v]++;
                latestFirstVisit = Math.max(latestFirstVisit, visit);
                for (int o = orderStart[p]; o < orderStart[p + 1]; o++) {
                    if (orderTime[o] >= visit && orderTime[o] <= visit + window) {
                        conversions[v]++;
                        break;
                    }
                }
            }
        }
        context.progress(followers, followers);
        List<Variant> variants = new ArrayList<>();
        for (int v = 0; v < chosen.size(); v++) {
            if (visitors[v] == 0) {
                throw new ExperimentException("experiment.project.error.noVisitors", chosen.get(v).name());
            }
            variants.add(new Variant(chosen.get(v).name(), visitors[v], conversions[v]));
        }
        List<Reason> notes = new ArrayList<>();
        notes.add(Reason.of("experiment.project.note.posts." + counting.visitKind(), counting.windowDays()));
        if (overlapping > 0) {
            notes.add(Reason.of("experiment.project.note.overlap", overlapping));
        }
        if (latestFirstVisit + window > snapshot.lastTime()) {
            notes.add(Reason.of("experiment.project.note.windowOpen", counting.windowDays()));
        }
        return new Counted(variants, notes);
    }

    private static void requireTwo(List<Item> chosen) {
        if (chosen.size() < 2) {
            throw new ExperimentException("experiment.project.error.tooFew", chosen.size());
        }
        Set<Long> ids = new HashSet<>();
        for (Item item : chosen) {
            if (!ids.add(item.id())) {
                throw new ExperimentException("experiment.project.error.twice", item.name());
            }
        }
    }

    private static BitSet members(ActivitySnapshot snapshot, Set<Long> followerIds) {
        BitSet members = new BitSet(snapshot.persons());
        for (long id : followerIds) {
            int person = snapshot.personOfFollower(id);
            if (person >= 0) {
                members.set(person);
            }
        }
        return members;
    }
}
