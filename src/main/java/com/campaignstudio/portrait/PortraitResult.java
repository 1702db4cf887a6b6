package com.campaignstudio.portrait;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The portraits of one or two groups beside the whole audience.
 *
 * @param audience       every follower
 * @param groups         the groups asked for, each with its index against the whole audience (TGI)
 * @param comparison     with two groups, the first against the second (the second as base); else empty
 * @param lastDay        the last day of the data, up to which tenure is counted (null without data)
 * @param unlinkedBuyers customers with paid orders linked to no follower, who are in no portrait
 * @param minCount       fewest people with a value for its index to be ranked
 */
public record PortraitResult(Portrait audience, List<GroupPortrait> groups, List<IndexRow> comparison,
                             LocalDate lastDay, long unlinkedBuyers, int minCount) {

    /** A group's portrait and its TGI rows (against the whole audience), the most distinctive first. */
    public record GroupPortrait(PortraitGroup group, Portrait portrait, List<IndexRow> tgi) {
        public GroupPortrait {
            tgi = List.copyOf(tgi);
        }
    }

    public PortraitResult {
        groups = List.copyOf(groups);
        comparison = List.copyOf(comparison);
    }

    public Optional<LocalDate> lastDayOfData() {
        return Optional.ofNullable(lastDay);
    }
}
