package com.campaignstudio.demo;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo's posts by platform in publishing order, so that an engagement event can name the post it came
 * from: one of the few posts its platform published last before it (people react to what is new in their
 * feed), or the platform's first post when the event precedes every post.
 */
final class PostTimeline {

    /** How many of the latest posts an event chooses among. */
    static final int RECENT = 3;

    private final Map<Integer, long[]> publishedByPlatform = new HashMap<>();
    private final Map<Integer, long[]> idsByPlatform = new HashMap<>();
    private final Map<Integer, List<long[]>> pending = new HashMap<>();

    void add(int platformId, long postId, LocalDateTime publishedAt) {
        pending.computeIfAbsent(platformId, id -> new ArrayList<>())
                .add(new long[]{publishedAt.toEpochSecond(ZoneOffset.UTC), postId});
    }

    /** Sorts what was added; call once before {@link #postBefore}. */
    PostTimeline seal() {
        pending.forEach((platform, posts) -> {
            posts.sort((p, q) -> Long.compare(p[0], q[0]));
            publishedByPlatform.put(platform, posts.stream().mapToLong(p -> p[0]).toArray());
            idsByPlatform.put(platform, posts.stream().mapToLong(p -> p[1]).toArray());
        });
        pending.clear();
        return this;
    }

    /**
     * The post behind an event at {@code time} on {@code platformId}: the {@code pick}-th latest (0 = the latest)
     * of the posts published before it, or null when the platform has no posts.
     */
    Long postBefore(int platformId, LocalDateTime time, int pick) {
        long[] published = publishedByPlatform.get(platformId);
        if (published == null || published.length == 0) {
            return null;
        }
        int at = Arrays.binarySearch(published, time.toEpochSecond(ZoneOffset.UTC));
        int before = at >= 0 ? at : -at - 2;
        return idsByPlatform.get(platformId)[Math.max(0, before - pick)];
    }
}
