package com.campaignstudio.funnels;

import com.campaignstudio.snapshot.Period;
import com.campaignstudio.text.Reason;

import java.util.List;

/**
 * A funnel over a population, overall and broken down.
 *
 * @param definition     the funnel
 * @param breakdown      what the groups are
 * @param period         the period of a {@link Breakdown#PERIOD} breakdown
 * @param overall        everyone in the population, each person counted once by their best attempt
 * @param groups         the groups, in a stable order (platforms and periods in their order, "none" last)
 * @param notEntered     people who did a later step but never the first (counted in no step)
 * @param unlinkedBuyers customers with paid orders that are linked to no follower: they can enter only a funnel that
 *                       starts with a purchase
 * @param notes          what was left out and why, for the user
 */
public record FunnelResult(FunnelDefinition definition, Breakdown breakdown, Period period, FunnelFigures overall,
                           List<FunnelGroup> groups, long notEntered, long unlinkedBuyers, List<Reason> notes) {

    public FunnelResult {
        groups = List.copyOf(groups);
        notes = List.copyOf(notes);
    }
}
