package com.campaignstudio.ui.help;

import com.campaignstudio.ui.common.Term;
import com.campaignstudio.ui.shell.Section;

import java.util.List;

/**
 * The pages of the guide, in the order it lists them. A view's page says what question the view answers, how to
 * read it and what to do next (keys {@code guide.<key>.title}, {@code .question}, {@code .read}, {@code .next}),
 * and lists the words the view uses; the last two pages say what the unbuilt sections will do, and explain every
 * word.
 */
public enum GuidePage {
    START("start", List.of()),
    DASHBOARD("dashboard", List.of()),
    DATA("data", List.of(Term.PSEUDONYMISED)),
    IMPORT("import", List.of(Term.TEXT_ENCODING, Term.PSEUDONYMISED)),
    SEGMENTS("segments", List.of(Term.LOG1P, Term.Z_SCORE, Term.K, Term.SILHOUETTE, Term.K_MEANS,
            Term.GAUSSIAN_MIXTURE, Term.POTENTIAL, Term.ENGAGEMENT_U, Term.ACTIVITY_I, Term.PRINCIPAL_COMPONENTS,
            Term.PROPENSITY, Term.AUC, Term.HOLD_OUT, Term.CUMULATIVE_GAINS, Term.FEATURE_IMPORTANCE,
            Term.CONTENT_VALUE_R)),
    PORTRAIT("portrait", List.of(Term.TGI)),
    FUNNELS("funnels", List.of(Term.FUNNEL_STEP, Term.CONVERSION_WINDOW, Term.STEP_ORDER, Term.BREAKDOWN,
            Term.STEP_CONVERSION, Term.OVERALL_CONVERSION, Term.WILSON_INTERVAL, Term.DROP_OFF, Term.TIME_TO_STEP,
            Term.OUT_OF_ORDER, Term.TIME_TO_CONVERT, Term.UNLINKED_BUYERS, Term.STILL_OPEN)),
    LIFETIME_VALUE("ltv", List.of(Term.CALIBRATION_END, Term.HOLD_OUT, Term.BG_NBD, Term.GAMMA_GAMMA, Term.X,
            Term.T_X, Term.T, Term.P_ALIVE, Term.CLV, Term.DISCOUNT_RATE, Term.INTERVAL_90, Term.BACK_TEST, Term.SMAPE,
            Term.PREDICTION_INTERVAL)),
    BOUGHT_TOGETHER("basket", List.of(Term.BASKET, Term.SUPPORT, Term.CONFIDENCE, Term.RULE_LIFT, Term.COSINE,
            Term.PITCH_SCORE)),
    SCHEDULE("schedule", List.of(Term.SLOT_LIFT, Term.HALF_LIFE, Term.POST_FATIGUE, Term.PRIOR_POSTS,
            Term.INTERVAL_80, Term.AUDIENCE_INDEX)),
    BUDGET("budget", List.of(Term.RESPONSE_CURVE, Term.CARRY_OVER, Term.BASELINE, Term.R_SQUARED,
            Term.BOOTSTRAP_INTERVAL, Term.ROI, Term.MARGINAL_RETURN, Term.BINDING_LIMIT, Term.REGRET,
            Term.THOMPSON_SAMPLING, Term.TEST_THEN_COMMIT)),
    EXPERIMENTS("experiments", List.of(Term.CONTROL, Term.WILSON_INTERVAL, Term.ABSOLUTE_LIFT, Term.RELATIVE_LIFT,
            Term.P_VALUE, Term.PROBABILITY_BETTER, Term.CHANCE_TO_BE_BEST, Term.EXPECTED_LOSS, Term.MINIMUM_LIFT,
            Term.SAMPLE_RATIO_MISMATCH, Term.POWER, Term.SIGNIFICANCE_LEVEL, Term.ALWAYS_VALID)),
    COMING("coming", List.of()),
    GLOSSARY("glossary", List.of(Term.values()));

    private final String key;
    private final List<Term> terms;

    GuidePage(String key, List<Term> terms) {
        this.key = key;
        this.terms = terms;
    }

    /** The page about {@code section}: its own when the section is built, else the page of what is coming. */
    public static GuidePage of(Section section) {
        return switch (section) {
            case DASHBOARD -> DASHBOARD;
            case DATA -> DATA;
            case SEGMENTS -> SEGMENTS;
            case FUNNELS -> FUNNELS;
            case LIFETIME_VALUE -> LIFETIME_VALUE;
            case BOUGHT_TOGETHER -> BOUGHT_TOGETHER;
            case SCHEDULE -> SCHEDULE;
            case BUDGET -> BUDGET;
            case EXPERIMENTS -> EXPERIMENTS;
            case PORTRAIT -> PORTRAIT;
            default -> COMING;
        };
    }

    /** The key of the page's text: {@code guide.<key>.title} and so on. */
    public String key(String part) {
        return "guide." + key + "." + part;
    }

    /** Whether the page explains a view (what it answers, how to read it, what next). */
    public boolean explainsAView() {
        return this != COMING && this != GLOSSARY;
    }

    /** The words the page's view uses, explained under it (every word, on the glossary page). */
    public List<Term> terms() {
        return terms;
    }
}
