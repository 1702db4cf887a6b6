package com.campaignstudio.segments;

/** How much a segment is worth the creator's effort, by revenue per member relative to the other segments. */
public enum Potential {
    HIGH, MEDIUM, LOW;

    /**
     * The label of the segment at {@code rank} (0 = most valuable) of {@code k}: the top third (at least one)
     * is high, the bottom third (at least one) low, the rest medium.
     */
    public static Potential ofRank(int rank, int k) {
        int band = Math.max(1, Math.round(k / 3f));
        if (rank < band) {
            return HIGH;
        }
        return rank >= k - band ? LOW : MEDIUM;
    }

    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
