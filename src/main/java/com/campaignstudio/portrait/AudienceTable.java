package com.campaignstudio.portrait;

import com.campaignstudio.snapshot.ActivitySnapshot.PlatformName;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every follower of a project with the traits of the portrait, column by column, and their timed interactions as
 * (follower, weekday × hour slot, count) rows: read once ({@link AudienceReader}), then any group's portrait is one
 * pass over the arrays. Followers are indexed {@code 0..followers()-1} in ascending follower id.
 *
 * <p>The arrays are shared, not copied: callers must not change them.
 */
public final class AudienceTable {

    /** Slots of the week: Monday 00:00–00:59 is slot 0, Sunday 23:00–23:59 slot 167. */
    public static final int SLOTS = 7 * 24;

    private final long[] followerIds;
    private final Map<Trait, TraitColumn> columns;
    private final boolean[] buyer;
    private final int[] productStart;
    private final int[] productCodes;
    private final List<String> productKeys;
    private final int[] interactionFollower;
    private final byte[] interactionSlot;
    private final long[] interactionCount;
    private final Map<String, PlatformName> platforms;
    private final LocalDate lastDay;
    private final long unlinkedBuyers;

    AudienceTable(long[] followerIds, Map<Trait, TraitColumn> columns, boolean[] buyer, int[] productStart,
                  int[] productCodes, List<String> productKeys, int[] interactionFollower, byte[] interactionSlot,
                  long[] interactionCount, Map<String, PlatformName> platforms, LocalDate lastDay,
                  long unlinkedBuyers) {
        this.followerIds = followerIds;
        this.columns = Map.copyOf(columns);
        this.buyer = buyer;
        this.productStart = productStart;
        this.productCodes = productCodes;
        this.productKeys = List.copyOf(productKeys);
        this.interactionFollower = interactionFollower;
        this.interactionSlot = interactionSlot;
        this.interactionCount = interactionCount;
        this.platforms = Map.copyOf(platforms);
        this.lastDay = lastDay;
        this.unlinkedBuyers = unlinkedBuyers;
    }

    public int followers() {
        return followerIds.length;
    }

    /** The follower id of each follower index, ascending. */
    public long[] followerIds() {
        return followerIds;
    }

    /** The index of a follower id, or -1. */
    public int indexOf(long followerId) {
        int found = Arrays.binarySearch(followerIds, followerId);
        return found < 0 ? -1 : found;
    }

    /** The column of a single-valued trait (every trait but {@link Trait#PRODUCT}). */
    TraitColumn column(Trait trait) {
        return columns.get(trait);
    }

    /** Whether each follower has a paid order (their own or their customer reference's). */
    public boolean[] buyer() {
        return buyer;
    }

    /** Follower {@code f} bought the products {@code productCodes()[productStart()[f] .. productStart()[f+1]-1]}. */
    int[] productStart() {
        return productStart;
    }

    int[] productCodes() {
        return productCodes;
    }

    /** Product names, by product code. */
    List<String> productKeys() {
        return productKeys;
    }

    int[] interactionFollower() {
        return interactionFollower;
    }

    byte[] interactionSlot() {
        return interactionSlot;
    }

    long[] interactionCount() {
        return interactionCount;
    }

    /** The project's platforms by code, with their English and Chinese names. */
    public Map<String, PlatformName> platforms() {
        return platforms;
    }

    public Optional<PlatformName> platform(String code) {
        return Optional.ofNullable(platforms.get(code));
    }

    /** The last day of the data (follows, interactions, orders): tenure is counted up to it. Empty without data. */
    public Optional<LocalDate> lastDay() {
        return Optional.ofNullable(lastDay);
    }

    /** Customers with paid orders none of which is linked to a follower: buyers outside the portrait. */
    public long unlinkedBuyers() {
        return unlinkedBuyers;
    }
}
