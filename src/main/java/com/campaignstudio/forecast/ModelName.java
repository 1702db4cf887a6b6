package com.campaignstudio.forecast;

import com.campaignstudio.text.Reason;

/**
 * Which forecasting model, as the key of its name in the {@code i18n/messages} bundles ({@code forecast.model.KEY},
 * with a one-line explanation under {@code forecast.model.KEY.about}) and its order where it has one (the p of
 * AR(p), the k of the mean of the last k periods; 0 otherwise).
 */
public record ModelName(String key, int order) {

    static final String PREFIX = "forecast.model.";

    /** The keys of every model the forecaster offers, for checking that each has its words. */
    public static final java.util.List<String> KEYS = java.util.List.of("naive", "seasonalNaive", "mean", "ses", "holt",
            "damped", "holtWinters", "ar");

    public ModelName {
        if (!KEYS.contains(key)) {
            throw new IllegalArgumentException("unknown model " + key);
        }
    }

    static ModelName of(String key) {
        return new ModelName(key, 0);
    }

    /** The model's name for people, e.g. "Holt linear trend" or "Autoregressive AR(4)". */
    public Reason name() {
        return Reason.of(PREFIX + key, order);
    }

    /** What the model assumes, in one plain sentence. */
    public Reason explanation() {
        return Reason.of(PREFIX + key + ".about", order);
    }

    /** A stable identifier for files and the command line: the key, with the order when there is one. */
    public String id() {
        return order == 0 ? key : key + order;
    }
}
