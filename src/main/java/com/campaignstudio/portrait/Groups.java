package com.campaignstudio.portrait;

import java.util.BitSet;

/** The followers of a table who are on a platform, have bought, or are in a segment, as sets of indexes. */
public final class Groups {

    private Groups() {
    }

    public static BitSet onPlatform(AudienceTable table, String code) {
        TraitColumn platforms = table.column(Trait.PLATFORM);
        int wanted = platforms.keys().indexOf(code);
        BitSet members = new BitSet(table.followers());
        int[] codes = platforms.codes();
        for (int f = 0; f < codes.length && wanted >= 0; f++) {
            if (codes[f] == wanted) {
                members.set(f);
            }
        }
        return members;
    }

    public static BitSet buyers(AudienceTable table) {
        BitSet members = new BitSet(table.followers());
        boolean[] buyer = table.buyer();
        for (int f = 0; f < buyer.length; f++) {
            if (buyer[f]) {
                members.set(f);
            }
        }
        return members;
    }

    /** The followers of {@code followerIds} whose {@code segment} is {@code segmentNo}; ids no longer held are skipped. */
    public static BitSet inSegment(AudienceTable table, long[] followerIds, int[] segment, int segmentNo) {
        BitSet members = new BitSet(table.followers());
        for (int i = 0; i < followerIds.length; i++) {
            if (segment[i] == segmentNo) {
                int f = table.indexOf(followerIds[i]);
                if (f >= 0) {
                    members.set(f);
                }
            }
        }
        return members;
    }
}
