package com.campaignstudio.funnels;

import com.campaignstudio.snapshot.Period;

import java.util.BitSet;
import java.util.Optional;

/**
 * What to compute: a funnel, a breakdown and the population.
 *
 * @param definition the funnel
 * @param breakdown  the groups
 * @param period     weeks or months, for {@link Breakdown#PERIOD}
 * @param segments   the groups of {@link Breakdown#SEGMENT}
 * @param population only these persons (a saved segment, say); empty for everyone
 */
public record FunnelQuery(FunnelDefinition definition, Breakdown breakdown, Period period,
                          Optional<PersonGroups> segments, Optional<BitSet> population) {

    public FunnelQuery {
        if (breakdown == Breakdown.SEGMENT && segments.isEmpty()) {
            throw new IllegalArgumentException("a breakdown by segment needs a saved segmentation");
        }
    }

    /** The whole population, no breakdown. */
    public static FunnelQuery of(FunnelDefinition definition) {
        return new FunnelQuery(definition, Breakdown.NONE, Period.MONTH, Optional.empty(), Optional.empty());
    }

    public FunnelQuery by(Breakdown newBreakdown) {
        return new FunnelQuery(definition, newBreakdown, period, segments, population);
    }
}
