package com.campaignstudio.budget;

import com.campaignstudio.text.Reason;
import com.campaignstudio.work.CancelledException;
import com.campaignstudio.work.TaskContext;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;

/**
 * A fitted mix model with its uncertainty: a seeded moving-block bootstrap of the residuals (blocks of
 * {@link #BLOCK} weeks keep the weeks' correlation), each resampled history refitted from the estimate's shapes.
 * Every figure the view shows comes with the 90% interval of its values over the refits.
 *
 * @param holdoutError the weighted absolute error on the last {@link #HOLDOUT_SHARE} of the weeks when fitted on the
 *                     rest; empty when the history is too short to spare them
 */
public record BudgetAnalysis(WeeklyHistory history, BudgetGoal goal, MixModel.Fit fit, List<MixModel.Fit> draws,
                             OptionalDouble holdoutError) {

    public static final int DEFAULT_DRAWS = 500;
    public static final long DEFAULT_SEED = 20261126L;
    static final int BLOCK = 4;
    /** Below this R² the weeks' ups and downs are mostly not what the model explains. */
    static final double WEAK_FIT = 0.3;
    static final double HOLDOUT_SHARE = 0.2;
    /** Golden-section steps per shape parameter in a refit: it starts next to its optimum. */
    static final int REFIT_STEPS = 10;

    public BudgetAnalysis {
        draws = List.copyOf(draws);
    }

    public static BudgetAnalysis run(WeeklyHistory history, BudgetGoal goal, int draws, long seed,
                                     TaskContext context) {
        context.message(Reason.of("budget.stage.fit"));
        MixModel.Fit fit = MixModel.fit(history);
        context.checkCancelled();
        OptionalDouble holdout = MixModel.holdoutError(history, HOLDOUT_SHARE);
        context.message(Reason.of("budget.stage.bootstrap"));
        double[] residuals = new double[history.weeks()];
        double inflation = residualInflation(history.weeks(), fit);
        for (int t = 0; t < residuals.length; t++) {
            residuals[t] = (history.outcome()[t] - fit.fitted()[t]) * inflation;
        }
        AtomicInteger done = new AtomicInteger();
        long[] seeds = new SplittableRandom(seed).longs(draws).toArray();
        List<MixModel.Fit> refits = IntStream.range(0, draws).parallel().mapToObj(d -> {
            if (context.isCancelled()) {
                throw new CancelledException();
            }
            MixModel.Fit refit = MixModel.refit(resampled(history, fit.fitted(), residuals,
                    new SplittableRandom(seeds[d])), fit, REFIT_STEPS);
            context.progress(done.incrementAndGet(), draws);
            return refit;
        }).toList();
        return new BudgetAnalysis(history, goal, fit, new ArrayList<>(refits), holdout);
    }

    /**
     * Residuals are smaller than the noise they stand for, by the parameters fitted to them: rescaled by
     * √(n / (n − k)) (Davison and Hinkley 1997, §6.2), k the baseline's terms plus four per platform (β, θ, α, κ).
     * Without it the default demo's interval for the ads' total stopped just short of the planted total.
     */
    static double residualInflation(int weeks, MixModel.Fit fit) {
        int parameters = fit.base().length + 4 * fit.beta().length;
        return weeks > parameters + 1 ? Math.sqrt((double) weeks / (weeks - parameters)) : 1;
    }

    /** The fitted weeks plus residuals resampled in blocks of {@link #BLOCK} consecutive weeks. */
    static WeeklyHistory resampled(WeeklyHistory history, double[] fitted, double[] residuals,
                                   SplittableRandom random) {
        int weeks = residuals.length;
        double[] outcome = new double[weeks];
        int blockStarts = weeks - BLOCK + 1;
        for (int t = 0; t < weeks; t += BLOCK) {
            int start = random.nextInt(blockStarts);
            for (int i = 0; i < BLOCK && t + i < weeks; i++) {
                outcome[t + i] = fitted[t + i] + residuals[start + i];
            }
        }
        return new WeeklyHistory(history.platforms(), history.firstWeek(), history.spend(), outcome);
    }

    /**
     * This analysis with platform p's curve set by hand, in the fit and in every refit: the hand-set curve carries
     * no interval of its own.
     */
    public BudgetAnalysis withHandCurve(int p, HillCurve weekly) {
        return new BudgetAnalysis(history, goal, fit.withCurve(p, weekly),
                draws.stream().map(draw -> draw.withCurve(p, weekly)).toList(), holdoutError);
    }

    public int platforms() {
        return history.platforms().size();
    }

    /** A figure of a fit, estimated and over the refits. */
    public Estimate estimate(ToDoubleFunction<MixModel.Fit> figure) {
        double[] values = new double[draws.size()];
        for (int d = 0; d < values.length; d++) {
            values[d] = figure.applyAsDouble(draws.get(d));
        }
        return Estimate.of(figure.applyAsDouble(fit), values);
    }

    /** What platform p's ads brought over the history. */
    public Estimate contribution(int p) {
        return estimate(f -> f.totalContribution(p));
    }

    /** Outcome per yuan of platform p's spend over the history; empty for a platform that spent nothing. */
    public Optional<Estimate> roi(int p) {
        double spent = Arrays.stream(history.spend()[p]).sum();
        return spent > 0 ? Optional.of(estimate(f -> f.totalContribution(p) / spent))
                : Optional.empty();
    }

    /** The share of the history's outcome that the ads brought, all platforms together. */
    public Estimate adsShare() {
        double total = Arrays.stream(history.outcome()).sum();
        return estimate(f -> {
            double ads = 0;
            for (int p = 0; p < platforms(); p++) {
                ads += f.totalContribution(p);
            }
            return ads / total;
        });
    }

    /** Platform p's weekly outcome at a steady weekly {@code spend}, with its interval. */
    public Estimate weeklyResponse(int p, double spend) {
        return estimate(f -> f.steadyCurve(p).value(spend));
    }

    /** The return of the next yuan a week at a steady weekly {@code spend}, with its interval. */
    public Estimate weeklyMarginal(int p, double spend) {
        return estimate(f -> f.steadyCurve(p).marginal(spend));
    }

    /**
     * What the user should know before acting on the fit: a baseline that falls below zero (ads credited with more
     * than was sold: the history cannot tell ads from organic sales), a fit that explains little, no season fitted
     * (less than a year of weeks), curves that do not flatten within the spend seen.
     */
    public List<Reason> notes() {
        List<Reason> notes = new ArrayList<>();
        if (Arrays.stream(fit.baseline()).anyMatch(v -> v < 0)) {
            notes.add(Reason.of("budget.note.negativeBaseline"));
        }
        if (fit.r2() < WEAK_FIT) {
            notes.add(Reason.of("budget.note.weakFit", Math.round(fit.r2() * 100)));
        }
        if (!fit.seasonal()) {
            notes.add(Reason.of("budget.note.noSeason", history.weeks(), MixModel.SEASON_WEEKS));
        }
        for (int p = 0; p < platforms(); p++) {
            if (unsaturated(p)) {
                notes.add(Reason.of("budget.note.unsaturated", history.platforms().get(p)));
            }
        }
        return notes;
    }

    /**
     * Whether platform p's curve does not flatten within the spends seen: its half-saturation lies beyond twice
     * the highest weekly spend, so the fit cannot tell where more money stops paying and an optimiser would pour
     * money into it on an extrapolation.
     */
    public boolean unsaturated(int p) {
        double highest = Arrays.stream(history.spend()[p]).max().orElse(0);
        return fit.beta()[p] > 0 && fit.steadyCurve(p).kappa() > 2 * highest;
    }
}
