package com.campaignstudio.portrait;

import java.util.Map;

/**
 * Who a group is: its size, how many of it bought, each trait's distribution and its active hours.
 *
 * @param followers followers in the group
 * @param buyers    followers in the group with a paid order (the base of the traits of buyers)
 */
public record Portrait(long followers, long buyers, Map<Trait, Distribution> traits, ActiveHours activeHours) {

    public Portrait {
        traits = Map.copyOf(traits);
    }

    public Distribution trait(Trait trait) {
        return traits.get(trait);
    }
}
