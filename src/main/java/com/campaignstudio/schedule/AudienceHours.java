package com.campaignstudio.schedule;

import com.campaignstudio.snapshot.ActivitySnapshot;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * When a target audience is active, per platform: for each weekday-by-hour slot ({@link Slots}), the audience's
 * share of its engagements (likes, comments, shares) in that slot relative to the share of all the platform's
 * followers, 1 where they are as active as everyone, scaled so that the 168 slots average 1. The suggester weighs a
 * slot's worth by it.
 *
 * <p>A slot where the audience engaged a few times would swing far on chance; the audience's counts are shrunk
 * toward everyone's shares as if {@link #PRIOR_EVENTS} more of its engagements had followed everyone's pattern: its
 * share in slot s is (n_s + k·a_s) / (n + k), n_s its engagements in s, n in all, a_s everyone's share in s. A slot
 * where no follower of the platform engaged, and a platform where the audience never engaged, get 1.
 */
public final class AudienceHours {

    /** The engagements counted: what a follower does to a post. */
    static final List<String> ENGAGEMENTS = List.of("like", "comment", "share");
    /** k: how many engagements' worth of everyone's pattern the audience's own counts are shrunk toward. */
    public static final double PRIOR_EVENTS = 20;

    private AudienceHours() {
    }

    /** The index per platform code (platforms whose followers engaged at all) for the followers {@code members}. */
    public static Map<String, double[]> of(ActivitySnapshot snapshot, Set<Long> members) {
        boolean[] engagement = new boolean[snapshot.kinds().size()];
        for (String kind : ENGAGEMENTS) {
            int code = snapshot.kindCode(kind);
            if (code >= 0 && code < engagement.length) {
                engagement[code] = true;
            }
        }
        boolean[] member = new boolean[snapshot.followers()];
        for (long id : members) {
            int person = snapshot.personOfFollower(id);
            if (person >= 0 && person < member.length) {
                member[person] = true;
            }
        }
        Map<Integer, long[]> everyone = new HashMap<>();
        Map<Integer, long[]> audience = new HashMap<>();
        int[] start = snapshot.eventStart();
        long[] time = snapshot.eventTime();
        short[] kind = snapshot.eventKind();
        for (int person = 0; person < snapshot.followers(); person++) {
            int platform = snapshot.personPlatform()[person];
            for (int e = start[person]; e < start[person + 1]; e++) {
                if (!engagement[kind[e]]) {
                    continue;
                }
                int slot = Slots.of(ActivitySnapshot.time(time[e]));
                everyone.computeIfAbsent(platform, p -> new long[Slots.COUNT])[slot]++;
                if (member[person]) {
                    audience.computeIfAbsent(platform, p -> new long[Slots.COUNT])[slot]++;
                }
            }
        }
        Map<String, double[]> indices = new LinkedHashMap<>();
        everyone.keySet().stream().sorted().forEach(platform -> snapshot.platform(platform).ifPresent(name ->
                indices.put(name.code(), index(everyone.get(platform), audience.get(platform)))));
        return indices;
    }

    private static double[] index(long[] everyone, long[] audience) {
        double everyoneTotal = Arrays.stream(everyone).sum();
        double audienceTotal = audience == null ? 0 : Arrays.stream(audience).sum();
        double[] index = new double[Slots.COUNT];
        for (int slot = 0; slot < Slots.COUNT; slot++) {
            double everyoneShare = everyone[slot] / everyoneTotal;
            if (everyoneShare == 0) {
                index[slot] = 1;
                continue;
            }
            double own = audience == null ? 0 : audience[slot];
            double audienceShare = (own + PRIOR_EVENTS * everyoneShare) / (audienceTotal + PRIOR_EVENTS);
            index[slot] = audienceShare / everyoneShare;
        }
        double mean = Arrays.stream(index).average().orElse(1);
        for (int slot = 0; slot < Slots.COUNT; slot++) {
            index[slot] /= mean;
        }
        return index;
    }
}
