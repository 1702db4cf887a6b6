package com.campaignstudio.demo;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parameters the demo generator plants in its data, so that each analysis can be checked against
 * what it should recover. Written into the project metadata as JSON ({@code demo_planted_truth}).
 *
 * @param seed                     seed of the generator's random source
 * @param startDate                first day of the data
 * @param endDate                  last day of the data (inclusive)
 * @param segments                 the four follower segments, by index as in {@code demo_planted_segment}
 * @param funnel                   per platform, the base rate of each funnel step (multiplied per segment)
 * @param bgNbd                    repeat-purchase process of buyers, time unit one week
 * @param gammaGamma               order-value process of buyers
 * @param weekdayEffect            engagement-rate multiplier per weekday, Monday first
 * @param hourEffect               engagement-rate multiplier per hour of day
 * @param engagementRate           per platform, the base engagement rate (engagements / impressions) of a post
 * @param reachHalfLifeHours       per platform, half-life of a post's reach rate: lambda = ln 2 / half-life
 * @param hill                     per platform, the Hill response of attributed revenue to adstocked daily spend
 * @param liveConversion           per platform with live sessions, buyers / viewers
 * @param formatHalfLifeMultiplier per post format, multiplies the platform's reach half-life: a post's
 *                                 lambda = ln 2 / (platform half-life x format multiplier)
 * @param adResponse               per platform, the Hill response of the weekly revenue of ad-driven guest orders
 *                                 to the weekly adstock of the platform's weekly spend (weeks Monday to Sunday)
 */
public record PlantedTruth(long seed, LocalDate startDate, LocalDate endDate, List<Segment> segments,
                           Map<String, FunnelRates> funnel, BgNbd bgNbd, GammaGamma gammaGamma,
                           double[] weekdayEffect, double[] hourEffect, Map<String, Double> engagementRate,
                           Map<String, Double> reachHalfLifeHours, Map<String, Hill> hill,
                           Map<String, Double> liveConversion, Map<String, Double> formatHalfLifeMultiplier,
                           Map<String, AdResponse> adResponse) {

    /** Engagement kinds whose counts differ by segment. */
    public static final List<String> COUNTED_KINDS = List.of("view", "like", "comment", "share", "live_watch");

    /**
     * A follower segment.
     *
     * @param name               a descriptive name (not shown to analyses)
     * @param share              expected share of followers
     * @param platformWeights    relative weight of each social platform, in {@link #platforms()} order
     * @param meanCounts         mean total count per engagement kind of {@link #COUNTED_KINDS}
     * @param meanClicksIfClicked mean number of clicks of a follower who clicked at all
     * @param meanWatchMinutes   mean minutes of live-stream watching
     * @param activeFraction     share of the time from following to the end date the follower stays active
     * @param clickMultiplier    multiplies the platform's click rate
     * @param purchaseMultiplier multiplies the platform's purchase rate
     * @param demographics       who the segment's followers are
     */
    public record Segment(String name, double share, double[] platformWeights, Map<String, Double> meanCounts,
                          double meanClicksIfClicked, double meanWatchMinutes, double activeFraction,
                          double clickMultiplier, double purchaseMultiplier, Demographics demographics) {
    }

    /**
     * The demographics of a segment's followers, as relative weights; the last weight of each is that of a value
     * left blank in the export.
     *
     * @param genderWeights female, male, blank
     * @param ageWeights    the exported bands of {@link #AGE_BANDS}, then blank
     * @param regionWeights the demo's regions in their order (Guangdong, Beijing, Shanghai, ...), then blank
     */
    public record Demographics(double[] genderWeights, double[] ageWeights, double[] regionWeights) {

        /** The planted share of the value at {@code index} among {@code weights}. */
        public static double share(double[] weights, int index) {
            double total = 0;
            for (double weight : weights) {
                total += weight;
            }
            return weights[index] / total;
        }
    }

    /** The age bands the demo's follower exports write. */
    public static final List<String> AGE_BANDS = List.of("18-24", "25-30", "31-40", "41-50", "50+");

    /** Step rates of the funnel exposure -> click -> register -> purchase. */
    public record FunnelRates(double click, double register, double purchase) {
    }

    /** BG/NBD parameters (Fader, Hardie and Lee 2005); time unit one week. */
    public record BgNbd(double r, double alpha, double a, double b) {
    }

    /** Gamma-Gamma spend parameters (Fader, Hardie and Lee 2005): shape p, shape q, scale gamma. */
    public record GammaGamma(double p, double q, double gamma) {
        /** Population mean order value, p * gamma / (q - 1). */
        public double meanOrderValue() {
            return p * gamma / (q - 1);
        }
    }

    /** Hill response with geometric adstock: revenue = beta * a^alpha / (a^alpha + kappa^alpha). */
    public record Hill(double beta, double alpha, double kappa, double theta, double medianDailySpend) {
        public double response(double adstock) {
            if (adstock <= 0) {
                return 0;
            }
            double x = Math.pow(adstock, alpha);
            return beta * x / (x + Math.pow(kappa, alpha));
        }
    }

    /**
     * The weekly response of orders to ads, in weekly units: expected ad revenue of a week = beta * a^alpha / (a^alpha
     * + kappa^alpha), with the weekly adstock a_t = s_t + theta * a_(t-1) of the week's spend s_t.
     *
     * @param beta  yuan a week at saturation
     * @param kappa weekly adstocked yuan that bring half of beta
     * @param theta share of a week's adstock still working the next week
     */
    public record AdResponse(double beta, double alpha, double kappa, double theta) {
        public double response(double adstock) {
            if (adstock <= 0) {
                return 0;
            }
            double x = Math.pow(adstock, alpha);
            return beta * x / (x + Math.pow(kappa, alpha));
        }
    }

    /** The social platforms that carry followers, posts and spend, in a fixed order. */
    public static List<String> platforms() {
        return List.of("weibo", "wechat", "douyin", "kuaishou", "xiaohongshu", "zhihu", "bilibili");
    }

    /** The parameters of the demo project. */
    public static PlantedTruth standard(long seed) {
        // Superfans: women of 25-40 in the big cities; lurkers: younger, evenly split; deal seekers: the south and
        // the east coast; dormant followers: older, and more of them left their profile blank.
        List<Segment> segments = List.of(
                new Segment("Superfans", 0.12, new double[]{1, 3, 2, 1, 2, 2, 3},
                        counts(120, 40, 12, 6, 8), 15, 300, 1.0, 2.0, 2.0,
                        new Demographics(new double[]{70, 26, 4}, new double[]{10, 40, 32, 12, 3, 3},
                                new double[]{12, 18, 18, 10, 8, 6, 6, 5, 5, 4, 4, 3, 3})),
                new Segment("Lurkers", 0.38, new double[]{2, 1, 4, 3, 2, 1, 2},
                        counts(60, 3, 0.3, 0.2, 0.5), 2, 90, 0.9, 0.8, 0.6,
                        new Demographics(new double[]{50, 44, 6}, new double[]{34, 30, 20, 8, 4, 4},
                                new double[]{14, 9, 9, 10, 9, 7, 8, 6, 6, 7, 5, 4, 6})),
                new Segment("Deal seekers", 0.18, new double[]{2, 2, 3, 3, 4, 1, 1},
                        counts(15, 2, 1, 4, 3), 10, 40, 0.7, 1.5, 1.3,
                        new Demographics(new double[]{62, 33, 5}, new double[]{18, 38, 26, 10, 4, 4},
                                new double[]{22, 6, 8, 16, 12, 5, 6, 4, 8, 5, 4, 2, 2})),
                new Segment("Dormant", 0.32, new double[]{3, 2, 2, 2, 1, 2, 1},
                        counts(4, 0.5, 0.1, 0.05, 0.1), 1, 8, 0.15, 0.3, 0.3,
                        new Demographics(new double[]{45, 40, 15}, new double[]{14, 22, 26, 18, 10, 10},
                                new double[]{12, 8, 7, 9, 9, 8, 10, 7, 6, 9, 5, 5, 15})));
        Map<String, FunnelRates> funnel = ordered(
                new FunnelRates(0.30, 0.50, 0.30), new FunnelRates(0.40, 0.65, 0.45),
                new FunnelRates(0.25, 0.45, 0.25), new FunnelRates(0.22, 0.40, 0.22),
                new FunnelRates(0.35, 0.55, 0.35), new FunnelRates(0.38, 0.60, 0.40),
                new FunnelRates(0.28, 0.50, 0.30));
        double[] weekday = {0.90, 0.95, 1.00, 1.00, 1.05, 1.20, 1.15};
        double[] hour = {0.55, 0.45, 0.40, 0.40, 0.40, 0.45, 0.60, 0.75, 0.90, 0.95, 1.00, 1.05,
                1.20, 1.15, 1.00, 0.95, 0.95, 1.00, 1.10, 1.25, 1.50, 1.55, 1.30, 0.80};
        return new PlantedTruth(seed, LocalDate.of(2024, 10, 1), LocalDate.of(2026, 9, 30), segments, funnel,
                new BgNbd(0.243, 4.414, 0.793, 2.426), new GammaGamma(3.0, 4.0, 300.0),
                weekday, hour,
                ordered(0.030, 0.045, 0.060, 0.055, 0.070, 0.040, 0.065),
                ordered(4.0, 12.0, 6.0, 8.0, 24.0, 72.0, 36.0),
                ordered(new Hill(9000, 1.6, 2500, 0.40, 2000), new Hill(12000, 1.4, 3000, 0.50, 2500),
                        new Hill(20000, 1.8, 5000, 0.30, 4500), new Hill(14000, 1.7, 4000, 0.30, 3500),
                        new Hill(10000, 1.5, 2000, 0.45, 1800), new Hill(6000, 1.3, 1500, 0.55, 1000),
                        new Hill(8000, 1.5, 2200, 0.50, 1500)),
                Map.of("douyin", 0.035, "kuaishou", 0.028, "wechat", 0.050, "bilibili", 0.022),
                Map.of("video", 1.0, "article", 2.0, "image", 0.75, "live", 0.25),
                // kappa near each platform's typical weekly adstock, so that the curves bend within the weeks seen;
                // together the ads bring about a third of the default demo's order revenue.
                ordered(new AdResponse(3000, 1.2, 24_000, 0.30), new AdResponse(4000, 1.0, 40_000, 0.50),
                        new AdResponse(6000, 1.8, 45_000, 0.20), new AdResponse(4500, 1.5, 40_000, 0.25),
                        new AdResponse(3500, 1.3, 24_000, 0.40), new AdResponse(1500, 1.0, 22_000, 0.60),
                        new AdResponse(2500, 2.0, 22_000, 0.45)));
    }

    /** Planted lambda (per hour) of a post of this platform and format. */
    public double reachLambda(String platform, String format) {
        return Math.log(2) / (reachHalfLifeHours.get(platform) * formatHalfLifeMultiplier.get(format));
    }

    public int segmentCount() {
        return segments.size();
    }

    private static Map<String, Double> counts(double view, double like, double comment, double share,
                                              double liveWatch) {
        Map<String, Double> counts = new LinkedHashMap<>();
        counts.put("view", view);
        counts.put("like", like);
        counts.put("comment", comment);
        counts.put("share", share);
        counts.put("live_watch", liveWatch);
        return counts;
    }

    @SafeVarargs
    private static <T> Map<String, T> ordered(T... perPlatform) {
        Map<String, T> map = new LinkedHashMap<>();
        List<String> platforms = platforms();
        for (int i = 0; i < platforms.size(); i++) {
            map.put(platforms.get(i), perPlatform[i]);
        }
        return map;
    }
}
