package com.campaignstudio.ui.schedule;

import com.campaignstudio.schedule.Band;
import com.campaignstudio.schedule.Metric;
import com.campaignstudio.ui.common.UiText;

import java.text.NumberFormat;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/** How the review view writes its figures: counts and yuan read at a glance, intervals, ratios, times. */
public final class ReviewFormats {

    /** Below this a figure that is not whole (a mean of buyers, a low end of clicks) keeps one decimal: 2.4 is not 2. */
    private static final double SMALL = 10;

    private final UiText text;
    private final DateTimeFormatter time;
    private final DateTimeFormatter shortTime;

    public ReviewFormats(UiText text) {
        this.text = text;
        // Chinese puts the date before the weekday (12-01 周一), English the weekday first (Mon 12-01). No year: a
        // plan spans at most two months, and its name and period say which.
        this.time = DateTimeFormatter.ofPattern(text.isChinese() ? "MM-dd EEE HH:mm" : "EEE MM-dd HH:mm",
                text.locale());
        this.shortTime = DateTimeFormatter.ofPattern("EEE HH:mm", text.locale());
    }

    /** A figure of {@code metric}: yuan for revenue, else a count (one decimal when small). */
    public String value(Metric metric, double value) {
        if (metric == Metric.REVENUE) {
            return text.yuan(value);
        }
        if (Math.abs(value) < SMALL && value != Math.rint(value)) {
            NumberFormat format = NumberFormat.getNumberInstance(text.locale());
            format.setMaximumFractionDigits(1);
            format.setMinimumFractionDigits(1);
            return format.format(value);
        }
        return text.count(value);
    }

    /** "low–high". */
    public String interval(Metric metric, Band band) {
        return text.get("review.interval", value(metric, band.low()), value(metric, band.high()));
    }

    /** A difference with its sign: +1,200 or −300. */
    public String difference(Metric metric, double difference) {
        String magnitude = value(metric, Math.abs(difference));
        return difference > 0 ? "+" + magnitude : difference < 0 ? "\u2212" + magnitude : magnitude;
    }

    /** Actual / predicted: ×0.93. */
    public String ratio(double ratio) {
        NumberFormat format = NumberFormat.getNumberInstance(text.locale());
        format.setMinimumFractionDigits(2);
        format.setMaximumFractionDigits(2);
        return "\u00d7" + format.format(ratio);
    }

    public String time(LocalDateTime at) {
        return time.format(at);
    }

    /** Weekday and hour, where the date is plain from the context (a post of a week's plan on a chart). */
    public String shortTime(LocalDateTime at) {
        return shortTime.format(at);
    }

    public String metric(Metric metric) {
        return text.get("review.metric." + metric.key());
    }
}
