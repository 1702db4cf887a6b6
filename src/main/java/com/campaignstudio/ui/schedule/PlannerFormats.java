package com.campaignstudio.ui.schedule;

import com.campaignstudio.schedule.Band;
import com.campaignstudio.schedule.Metric;
import com.campaignstudio.schedule.PlannedPost;
import com.campaignstudio.schedule.Suggester;
import com.campaignstudio.ui.common.UiText;

import java.text.NumberFormat;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/** How the planner writes its figures, times and the suggester's reasons, in the language of the view. */
final class PlannerFormats {

    /** Below this a figure keeps a decimal: 0.4 expected buyers is not "0". */
    private static final double SMALL = 100;

    private final UiText text;
    private final NumberFormat decimal;
    private final DateTimeFormatter slotTime;

    PlannerFormats(UiText text) {
        this.text = text;
        this.decimal = NumberFormat.getNumberInstance(text.locale());
        decimal.setMinimumFractionDigits(1);
        decimal.setMaximumFractionDigits(1);
        this.slotTime = postTime(text);
    }

    /**
     * A post's day and time: "Wed 2 Dec, 21:00", "12月2日 周三 21:00". Patterns live here, not in the bundles, whose
     * Chinese file holds no Latin letters.
     */
    static DateTimeFormatter postTime(UiText text) {
        return DateTimeFormatter.ofPattern(text.isChinese() ? "M月d日 EEE HH:mm" : "EEE d MMM, HH:mm", text.locale());
    }

    /** A calendar column's title: "Wed 2 Dec", "12/2 周三". */
    static DateTimeFormatter dayTitle(UiText text) {
        return DateTimeFormatter.ofPattern(text.isChinese() ? "M/d EEE" : "EEE d MMM", text.locale());
    }

    String figure(Metric metric, double value) {
        if (metric == Metric.REVENUE) {
            return text.yuan(value);
        }
        return Math.abs(value) < SMALL ? decimal.format(value) : text.count(value);
    }

    /** A figure with one decimal, such as a half-life in hours. */
    String decimal(double value) {
        return decimal.format(value);
    }

    String interval(Metric metric, Band band) {
        return text.get("schedule.interval", figure(metric, band.low()), figure(metric, band.high()));
    }

    /** +34.0% or −12.0%: a change against a reference. */
    String change(double share) {
        String shown = text.percent(Math.abs(share));
        if (shown.equals(text.percent(0))) {
            return shown;
        }
        return share > 0 ? "+" + shown : "\u2212" + shown;
    }

    String slot(LocalDateTime at) {
        return at.format(slotTime);
    }

    String metric(Metric metric) {
        return text.get("schedule.metric." + metric.key());
    }

    /** "Douyin Thu 21:00: +34.0% engagement vs the platform mean, no overlap with an earlier post". */
    String reason(Suggester.Reason reason) {
        PlannedPost post = reason.post();
        String slot = text.get("schedule.reason.slot", text.platform(post.platform()), slot(post.at()),
                change(reason.lift()));
        String overlap = reason.overlapsWith()
                .map(earlier -> text.get("schedule.reason.overlap", slot(earlier.at()), change(-reason.overlapLoss())))
                .orElse(text.get("schedule.reason.noOverlap"));
        String audience = reason.audienceIndex() == 1 ? ""
                : text.get("schedule.reason.audience", change(reason.audienceIndex() - 1));
        return text.get("schedule.reason", slot, overlap) + audience;
    }
}
