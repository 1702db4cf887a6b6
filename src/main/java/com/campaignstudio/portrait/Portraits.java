package com.campaignstudio.portrait;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Portraits of groups of followers, and how a group differs from a base group: one pass over the audience's columns
 * and one over its interactions, whatever the group.
 */
public final class Portraits {

    /**
     * Fewest people with a value for its index to be ranked. Below 30 a count's relative error (Poisson, 1/√n) is
     * above 18%, so an index of 120 could not be told from 100; 30 is also the smallest cell most platforms' own
     * audience reports show.
     */
    public static final int MIN_COUNT = 30;
    /** Traits whose values have an order of their own (bands), kept in it rather than sorted by count. */
    private static final Set<Trait> BANDED = Set.of(Trait.GENDER, Trait.AGE, Trait.TENURE, Trait.PRICE_BAND);
    private static final String UNKNOWN = "unknown";

    private Portraits() {
    }

    /** The portrait of the followers in {@code members} (indexes into the table). */
    public static Portrait of(AudienceTable table, BitSet members) {
        int n = table.followers();
        boolean[] buyer = table.buyer();
        long followers = 0;
        long buyers = 0;
        Map<Trait, long[]> counts = new EnumMap<>(Trait.class);
        Map<Trait, TraitColumn> columns = new EnumMap<>(Trait.class);
        for (Trait trait : Trait.values()) {
            if (trait != Trait.PRODUCT) {
                TraitColumn column = table.column(trait);
                columns.put(trait, column);
                counts.put(trait, new long[column.keys().size()]);
            }
        }
        long[] products = new long[table.productKeys().size()];
        int[] productStart = table.productStart();
        int[] productCodes = table.productCodes();
        for (int f = members.nextSetBit(0); f >= 0 && f < n; f = members.nextSetBit(f + 1)) {
            followers++;
            if (buyer[f]) {
                buyers++;
            }
            for (Map.Entry<Trait, TraitColumn> column : columns.entrySet()) {
                int code = column.getValue().codes()[f];
                if (code != TraitColumn.NONE) {
                    counts.get(column.getKey())[code]++;
                }
            }
            for (int p = productStart[f]; p < productStart[f + 1]; p++) {
                products[productCodes[p]]++;
            }
        }
        Map<Trait, Distribution> traits = new EnumMap<>(Trait.class);
        for (Map.Entry<Trait, TraitColumn> column : columns.entrySet()) {
            Trait trait = column.getKey();
            traits.put(trait, distribution(trait, trait.ofBuyers() ? buyers : followers, column.getValue().keys(),
                    counts.get(trait)));
        }
        traits.put(Trait.PRODUCT, distribution(Trait.PRODUCT, buyers, table.productKeys(), products));
        return new Portrait(followers, buyers, traits, activeHours(table, members));
    }

    /** Everyone in the table. */
    public static BitSet everyone(AudienceTable table) {
        BitSet all = new BitSet(table.followers());
        all.set(0, table.followers());
        return all;
    }

    private static ActiveHours activeHours(AudienceTable table, BitSet members) {
        long[] slots = new long[AudienceTable.SLOTS];
        int[] follower = table.interactionFollower();
        byte[] slot = table.interactionSlot();
        long[] count = table.interactionCount();
        for (int i = 0; i < follower.length; i++) {
            if (members.get(follower[i])) {
                slots[slot[i] & 0xFF] += count[i];
            }
        }
        return new ActiveHours(slots);
    }

    private static Distribution distribution(Trait trait, long base, List<String> keys, long[] counts) {
        List<Share> values = new ArrayList<>();
        Share unknown = new Share(UNKNOWN, 0, 0);
        for (int code = 0; code < keys.size(); code++) {
            Share share = new Share(keys.get(code), counts[code], base == 0 ? 0 : (double) counts[code] / base);
            if (share.key().equals(UNKNOWN) && trait != Trait.PRODUCT) {
                unknown = share;
            } else if (share.count() > 0) {
                values.add(share);
            }
        }
        if (!BANDED.contains(trait)) {
            values.sort(Comparator.comparingLong(Share::count).reversed().thenComparing(Share::key));
        }
        if (trait != Trait.PRICE_BAND && trait != Trait.PRODUCT && trait != Trait.PLATFORM) {
            values.add(unknown);
        }
        return new Distribution(trait, base, values);
    }

    /**
     * Each known value of each trait in {@code group} against {@code base}: the index (TGI when the base is the whole
     * audience), the values that stand out most first, those with fewer than {@code minCount} people in either group
     * after them. Unknown values are not traits and are not indexed, nor is a trait of buyers that both groups' buyers
     * share value for value.
     */
    public static List<IndexRow> index(Portrait group, Portrait base, int minCount) {
        List<IndexRow> rows = new ArrayList<>();
        for (Trait trait : Trait.values()) {
            Distribution mine = group.trait(trait);
            Distribution theirs = base.trait(trait);
            if (trait.ofBuyers() && mine.equals(theirs)) {
                // The same buyers (the buyers against everyone): every index would be 100 and say nothing.
                continue;
            }
            Set<String> keys = new LinkedHashSet<>();
            theirs.values().forEach(share -> keys.add(share.key()));
            mine.values().forEach(share -> keys.add(share.key()));
            for (String key : keys) {
                if (key.equals(UNKNOWN) && trait != Trait.PRODUCT) {
                    continue;
                }
                long count = mine.count(key);
                double groupShare = mine.share(key);
                double baseShare = theirs.share(key);
                double index = baseShare == 0 ? Double.NaN : 100 * groupShare / baseShare;
                rows.add(new IndexRow(trait, key, count, groupShare, theirs.count(key), baseShare, index,
                        Math.min(count, theirs.count(key)) < minCount));
            }
        }
        rows.sort(Comparator.comparing(IndexRow::tooFew)
                .thenComparing(Comparator.comparingDouble(IndexRow::standOut).reversed())
                .thenComparing(row -> row.trait().ordinal())
                .thenComparing(IndexRow::key));
        return rows;
    }
}
