package com.campaignstudio.portrait;

/**
 * One value of a trait in a group beside a base group (the whole audience, for the TGI): the index is the group's
 * share over the base's share × 100, so 180 reads "1.8× as likely". A row where either group has fewer than the
 * minimum count of people with the value is {@code tooFew}: shown greyed, never ranked among those that stand out.
 */
public record IndexRow(Trait trait, String key, long count, double share, long baseCount, double baseShare,
                       double index, boolean tooFew) {

    /** How far the value stands out either way: |ln(index / 100)|, so that 50 and 200 stand out alike. */
    public double standOut() {
        return index > 0 && Double.isFinite(index) ? Math.abs(Math.log(index / 100)) : Double.POSITIVE_INFINITY;
    }
}
