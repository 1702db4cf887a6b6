package com.campaignstudio.ui.schedule;

import com.campaignstudio.schedule.SlotRates;
import com.campaignstudio.ui.common.UiText;

import java.text.NumberFormat;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.time.format.TextStyle;

/**
 * How the best-time view writes its figures: engagement rates with two decimals (they are a few percent, and a
 * change of k moves them in the second decimal), lift with its sign and no decimals (+34%), weekdays in the UI's
 * language, hours as 21:00.
 */
final class BestTimeFormats {

    private static final String NONE = "\u2013";

    private final UiText text;

    BestTimeFormats(UiText text) {
        this.text = text;
    }

    String rate(double share) {
        if (!Double.isFinite(share)) {
            return NONE;
        }
        NumberFormat format = NumberFormat.getPercentInstance(text.locale());
        format.setMinimumFractionDigits(2);
        format.setMaximumFractionDigits(2);
        return format.format(share);
    }

    String wholePercent(double share) {
        NumberFormat format = NumberFormat.getPercentInstance(text.locale());
        format.setMaximumFractionDigits(0);
        return format.format(share);
    }

    /** Whole percent with a sign; a lift that rounds to 0 is 0%, never -0%. */
    String lift(double lift) {
        long percent = Math.round(100 * lift);
        NumberFormat format = NumberFormat.getPercentInstance(text.locale());
        String shown = format.format(percent / 100.0);
        return percent > 0 ? "+" + shown : shown;
    }

    /** Monday = 0, as {@link SlotRates} counts. */
    String weekday(int weekday) {
        return DayOfWeek.of(weekday + 1).getDisplayName(TextStyle.FULL, text.locale());
    }

    String shortWeekday(int weekday) {
        return DayOfWeek.of(weekday + 1).getDisplayName(TextStyle.SHORT, text.locale());
    }

    String hour(int hour) {
        return String.format("%02d:00", hour);
    }

    String slot(int weekday, int hour) {
        return weekday(weekday) + " " + hour(hour);
    }

    String hours(double hours) {
        NumberFormat format = NumberFormat.getNumberInstance(text.locale());
        format.setMaximumFractionDigits(hours < 10 ? 2 : 1);
        return format.format(hours);
    }

    /** A number shown to three significant digits (λ, R², RMSE); a dash when there is none. */
    String figure(double value) {
        if (!Double.isFinite(value)) {
            return NONE;
        }
        NumberFormat format = NumberFormat.getNumberInstance(text.locale());
        double size = Math.abs(value);
        format.setMaximumFractionDigits(size == 0 ? 0 : Math.max(0, Math.min(6, 2 - (int) Math.floor(Math.log10(size)))));
        return format.format(value);
    }

    /** A zone by its name in the UI's language (中国时间); English also gives the zone's id. */
    String zone(ZoneId zone) {
        String name = zone.getDisplayName(TextStyle.FULL, text.locale());
        return text.isChinese() || name.equals(zone.getId()) ? name : name + " (" + zone.getId() + ")";
    }

    /** What a heat-map cell says on hover: posts, own and shrunk rate, interval, lift. */
    String cellTip(SlotRates rates, int weekday, int hour) {
        SlotRates.Slot slot = rates.slot(weekday, hour);
        String tip = text.get("bestTime.cell.tip", slot(weekday, hour), text.integer(slot.posts()),
                rate(rates.rawRate(weekday, hour)), rate(slot.rate()), rate(slot.low()), rate(slot.high()),
                lift(slot.lift()));
        return slot.posts() == 0 ? tip + "\n" + text.get("bestTime.cell.empty", rate(rates.platformRate())) : tip;
    }
}
