package com.campaignstudio.ui.common;

import java.util.Locale;
import java.util.Optional;

/**
 * A word a creator meets in the views that needs a plain explanation. Each has one line in each language, under
 * {@code glossary.<key>} in the message bundles; {@link Glossary} shows it beside the word, and the guide lists them
 * all. The order here is the order of the guide's glossary page.
 */
public enum Term {
    // Segments
    LOG1P("log1p"),
    Z_SCORE("zScore"),
    K("k"),
    SILHOUETTE("silhouette"),
    K_MEANS("kMeans"),
    GAUSSIAN_MIXTURE("gaussianMixture"),
    POTENTIAL("potential"),
    ENGAGEMENT_U("engagementU"),
    ACTIVITY_I("activityI"),
    PRINCIPAL_COMPONENTS("principalComponents"),
    PROPENSITY("propensity"),
    RANDOM_FOREST("randomForest"),
    LOGISTIC_REGRESSION("logisticRegression"),
    AUC("auc"),
    CUMULATIVE_GAINS("cumulativeGains"),
    FEATURE_IMPORTANCE("featureImportance"),
    CONTENT_VALUE_R("contentValueR"),
    REACH_C("reachC"),
    SEGMENT_U("segmentU"),
    QUALITY_Q("qualityQ"),
    // Lifetime value
    PERIOD_UNIT("periodUnit"),
    CALIBRATION_END("calibrationEnd"),
    HOLD_OUT("holdOut"),
    HORIZON("horizon"),
    DISCOUNT_RATE("discountRate"),
    BG_NBD("bgNbd"),
    GAMMA_GAMMA("gammaGamma"),
    BG_NBD_R("bgNbd.r"),
    BG_NBD_ALPHA("bgNbd.alpha"),
    BG_NBD_A("bgNbd.a"),
    BG_NBD_B("bgNbd.b"),
    GAMMA_GAMMA_P("gammaGamma.p"),
    GAMMA_GAMMA_Q("gammaGamma.q"),
    GAMMA_GAMMA_GAMMA("gammaGamma.gamma"),
    STANDARD_ERROR("standardError"),
    LOG_LIKELIHOOD("logLikelihood"),
    NOT_IDENTIFIED("notIdentified"),
    X("x"),
    T_X("tx"),
    T("T"),
    P_ALIVE("pAlive"),
    EXPECTED_PURCHASES("expectedPurchases"),
    CLV("clv"),
    INTERVAL_90("interval90"),
    SHIFTED_BETA_GEOMETRIC("shiftedBetaGeometric"),
    // Revenue forecast
    BACK_TEST("backTest"),
    SMAPE("smape"),
    PREDICTION_INTERVAL("predictionInterval"),
    MODEL_NAIVE("model.naive"),
    MODEL_SEASONAL_NAIVE("model.seasonalNaive"),
    MODEL_EXPONENTIAL_SMOOTHING("model.exponentialSmoothing"),
    MODEL_HOLT("model.holt"),
    MODEL_DAMPED_TREND("model.dampedTrend"),
    MODEL_HOLT_WINTERS("model.holtWinters"),
    MODEL_AR("model.ar"),
    // Products bought together
    BASKET("basket"),
    SUPPORT("support"),
    CONFIDENCE("confidence"),
    RULE_LIFT("ruleLift"),
    COSINE("cosine"),
    PITCH_SCORE("pitchScore"),
    // Experiments
    CONTROL("control"),
    WILSON_INTERVAL("wilsonInterval"),
    ABSOLUTE_LIFT("absoluteLift"),
    RELATIVE_LIFT("relativeLift"),
    P_VALUE("pValue"),
    PROBABILITY_BETTER("probabilityBetter"),
    CHANCE_TO_BE_BEST("chanceToBeBest"),
    EXPECTED_LOSS("expectedLoss"),
    MINIMUM_LIFT("minimumLift"),
    SAMPLE_RATIO_MISMATCH("sampleRatioMismatch"),
    POWER("power"),
    SIGNIFICANCE_LEVEL("significanceLevel"),
    ALWAYS_VALID("alwaysValid"),
    // Funnels
    FUNNEL_STEP("funnelStep"),
    CONVERSION_WINDOW("conversionWindow"),
    STEP_ORDER("stepOrder"),
    BREAKDOWN("breakdown"),
    STEP_CONVERSION("stepConversion"),
    OVERALL_CONVERSION("overallConversion"),
    DROP_OFF("dropOff"),
    TIME_TO_STEP("timeToStep"),
    OUT_OF_ORDER("outOfOrder"),
    TIME_TO_CONVERT("timeToConvert"),
    UNLINKED_BUYERS("unlinkedBuyers"),
    STILL_OPEN("stillOpen"),
    // Drivers
    ODDS_RATIO("oddsRatio"),
    VARIANCE_INFLATION("varianceInflation"),
    REFERENCE_LEVEL("referenceLevel"),
    // Schedule
    SLOT_LIFT("slotLift"),
    POST_FATIGUE("postFatigue"),
    HALF_LIFE("halfLife"),
    PRIOR_POSTS("priorPosts"),
    INTERVAL_80("interval80"),
    SHRINKAGE("shrinkage"),
    AUDIENCE_INDEX("audienceIndex"),
    // Import
    TEXT_ENCODING("textEncoding"),
    PSEUDONYMISED("pseudonymised"),
    // Schedule review
    PLAN_INTERVAL("planInterval"),
    CALIBRATION("calibration"),
    // Budget
    RESPONSE_CURVE("responseCurve"),
    CARRY_OVER("carryOver"),
    BASELINE("baseline"),
    R_SQUARED("rSquared"),
    BOOTSTRAP_INTERVAL("bootstrapInterval"),
    ROI("roi"),
    MARGINAL_RETURN("marginalReturn"),
    BINDING_LIMIT("bindingLimit"),
    REGRET("regret"),
    THOMPSON_SAMPLING("thompsonSampling"),
    TEST_THEN_COMMIT("testThenCommit"),
    // Audience portrait
    TGI("tgi");

    private final String key;

    Term(String key) {
        this.key = key;
    }

    /** The message-bundle key of the term's one-line explanation. */
    public String key() {
        return "glossary." + key;
    }

    /**
     * The term for a forecasting model as the forecaster names it ("AR(4)", "seasonal naive", "Holt-Winters",
     * "damped trend" ...), if it is one the glossary explains. Matched loosely, so that "Holt linear trend" or
     * "simple exponential smoothing" find their line too.
     */
    public static Optional<Term> forModel(String name) {
        String model = name.toLowerCase(Locale.ROOT);
        if (model.contains("winters")) {
            return Optional.of(MODEL_HOLT_WINTERS);
        } else if (model.contains("damped")) {
            return Optional.of(MODEL_DAMPED_TREND);
        } else if (model.contains("holt")) {
            return Optional.of(MODEL_HOLT);
        } else if (model.contains("seasonal") && model.contains("naive")) {
            return Optional.of(MODEL_SEASONAL_NAIVE);
        } else if (model.contains("naive")) {
            return Optional.of(MODEL_NAIVE);
        } else if (model.contains("smoothing") || model.equals("ses")) {
            return Optional.of(MODEL_EXPONENTIAL_SMOOTHING);
        } else if (model.matches("ar\\s*\\(\\s*\\d+\\s*\\)|ar|autoregressive.*")) {
            return Optional.of(MODEL_AR);
        }
        return Optional.empty();
    }
}
