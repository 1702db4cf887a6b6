package com.campaignstudio.funnels;

import com.campaignstudio.stats.Percentiles;
import com.campaignstudio.stats.Proportion;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Adds up the counted attempts of one group's people into the group's funnel figures. */
final class Tally {

    /** Bin widths for the time-to-convert histogram, smallest first: the first that needs at most 30 bins. */
    private static final long[] BIN_WIDTHS = {60, 300, 600, 900, 1800, 3600, 2 * 3600, 3 * 3600, 6 * 3600, 12 * 3600,
            86_400, 2 * 86_400, 7 * 86_400, 14 * 86_400, 28 * 86_400, 91 * 86_400, 364 * 86_400};
    private static final int MAX_BINS = 30;

    private final int steps;
    private final long[] reached;
    private final long[] outOfOrder;
    private final long[][] gaps;
    private final int[] gapCount;
    private long[] convert = new long[16];
    private int converted;
    private final long openAfter;
    private long stillOpen;

    /** {@code openAfter}: entries after this time have a window that the data end before (data end - window). */
    Tally(int steps, long openAfter) {
        this.steps = steps;
        this.openAfter = openAfter;
        reached = new long[steps];
        outOfOrder = new long[steps];
        gaps = new long[steps][16];
        gapCount = new int[steps];
    }

    /** A tally that starts from this one's counts, to go on adding to separately. */
    Tally copy() {
        Tally copy = new Tally(steps, openAfter);
        System.arraycopy(reached, 0, copy.reached, 0, steps);
        System.arraycopy(outOfOrder, 0, copy.outOfOrder, 0, steps);
        for (int k = 0; k < steps; k++) {
            copy.gaps[k] = Arrays.copyOf(gaps[k], Math.max(16, gapCount[k]));
            copy.gapCount[k] = gapCount[k];
        }
        copy.convert = Arrays.copyOf(convert, Math.max(16, converted));
        copy.converted = converted;
        copy.stillOpen = stillOpen;
        return copy;
    }

    void add(PersonPath path) {
        int depth = path.depth;
        for (int k = 0; k < depth; k++) {
            reached[k]++;
        }
        for (int k = 1; k < depth; k++) {
            if (gapCount[k] == gaps[k].length) {
                gaps[k] = Arrays.copyOf(gaps[k], gapCount[k] * 2);
            }
            gaps[k][gapCount[k]++] = path.completion[k] - path.completion[k - 1];
        }
        if (depth == steps) {
            if (converted == convert.length) {
                convert = Arrays.copyOf(convert, converted * 2);
            }
            convert[converted++] = path.completion[steps - 1] - path.completion[0];
        }
        for (int k = depth; k < steps; k++) {
            if ((path.windowSteps & (1 << k)) != 0) {
                outOfOrder[k]++;
            }
        }
        if (depth < steps && path.entryTime() > openAfter) {
            stillOpen++;
        }
    }

    long entered() {
        return reached[0];
    }

    long reached(int step) {
        return reached[step];
    }

    FunnelFigures figures(List<String> names, long windowSeconds) {
        List<StepFigures> figures = new ArrayList<>();
        for (int k = 0; k < steps; k++) {
            Optional<Proportion> step = k == 0 || reached[k - 1] == 0 ? Optional.empty()
                    : Optional.of(Proportion.of(reached[k], reached[k - 1]));
            Optional<Proportion> overall = reached[0] == 0 ? Optional.empty()
                    : Optional.of(Proportion.of(reached[k], reached[0]));
            Optional<Percentiles> spread = k == 0 ? Optional.empty()
                    : Percentiles.of(gaps[k], gapCount[k]);
            figures.add(new StepFigures(names.get(k), reached[k], step, overall, k == 0 ? 0 : reached[k - 1] - reached[k],
                    spread, outOfOrder[k]));
        }
        return new FunnelFigures(figures, histogram(windowSeconds), Percentiles.of(convert, converted),
                stillOpen);
    }

    /** The histogram of times to convert, over the window in bins of a round width. */
    private List<TimeBin> histogram(long windowSeconds) {
        long width = BIN_WIDTHS[BIN_WIDTHS.length - 1];
        for (long candidate : BIN_WIDTHS) {
            if ((windowSeconds + candidate - 1) / candidate <= MAX_BINS) {
                width = candidate;
                break;
            }
        }
        int bins = (int) Math.max(1, (windowSeconds + width - 1) / width);
        long[] counts = new long[bins];
        for (int i = 0; i < converted; i++) {
            counts[(int) Math.min(bins - 1, convert[i] / width)]++;
        }
        List<TimeBin> histogram = new ArrayList<>();
        for (int b = 0; b < bins; b++) {
            histogram.add(new TimeBin(b * width, Math.min(windowSeconds, (b + 1) * width), counts[b]));
        }
        return histogram;
    }
}
