package com.campaignstudio.portrait;

import java.util.List;
import java.util.Optional;

/**
 * One trait's values in a group: the base (the group's followers, or its buyers for a trait of buyers) and each value
 * with its count and share. Banded traits keep their bands' order, others run from the most common value; "unknown"
 * comes last and is always there, so that its share is seen. For products the shares may add up to more than one.
 */
public record Distribution(Trait trait, long base, List<Share> values) {

    public Distribution {
        values = List.copyOf(values);
    }

    public Optional<Share> value(String key) {
        return values.stream().filter(share -> share.key().equals(key)).findFirst();
    }

    /** The group's count with value {@code key} (0 when none has it). */
    public long count(String key) {
        return value(key).map(Share::count).orElse(0L);
    }

    /** The share of the base with value {@code key} (0 when none has it or the base is empty). */
    public double share(String key) {
        return value(key).map(Share::share).orElse(0.0);
    }
}
