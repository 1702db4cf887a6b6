package com.campaignstudio.experiments;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the user typed for an experiment, as it is saved: the variants (the first is the control), the intended
 * split of visitors (weights, one per variant), the minimum absolute lift that matters (0.02 = 2 percentage
 * points), if any, and the seed of the Monte Carlo draws.
 */
public record ExperimentSetup(List<Variant> variants, List<Double> intendedSplit, Optional<Double> minLift,
                              long seed) {

    public ExperimentSetup {
        variants = List.copyOf(variants);
        if (variants.size() < 2) {
            throw new ExperimentException("experiment.error.tooFewVariants", variants.size());
        }
        Set<String> names = new HashSet<>();
        for (Variant variant : variants) {
            if (!names.add(variant.name())) {
                throw new ExperimentException("experiment.error.duplicateName", variant.name());
            }
        }
        intendedSplit = intendedSplit == null || intendedSplit.isEmpty() ? SampleRatio.even(variants.size())
                : List.copyOf(intendedSplit);
        if (intendedSplit.size() != variants.size()
                || intendedSplit.stream().anyMatch(w -> !(w > 0) || Double.isInfinite(w))) {
            throw new ExperimentException("experiment.error.split", intendedSplit.size(), variants.size());
        }
        minLift = minLift == null ? Optional.empty() : minLift;
        if (minLift.isPresent() && !(minLift.get() > 0 && minLift.get() < 1)) {
            throw new ExperimentException("experiment.error.minLift", minLift.get());
        }
    }

    /** An even split, no minimum lift, seed 1. */
    public static ExperimentSetup of(List<Variant> variants) {
        return new ExperimentSetup(variants, List.of(), Optional.empty(), 1);
    }

    public Variant control() {
        return variants.getFirst();
    }
}
