package com.campaignstudio.ui.funnels;

import com.campaignstudio.funnels.Breakdown;
import com.campaignstudio.funnels.FunnelDefinition;
import com.campaignstudio.funnels.Funnels;
import com.campaignstudio.snapshot.Label;
import com.campaignstudio.snapshot.Period;
import com.campaignstudio.stats.Proportion;
import com.campaignstudio.text.Reason;
import com.campaignstudio.ui.common.UiText;
import com.campaignstudio.ui.segments.DefaultNames;

import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How the funnel tab writes its figures in the user's language: step names (the event kinds as the Data view names
 * them), rates with their intervals, durations, periods, group names, and the engine's reasons with their step
 * names, windows and breakdowns translated.
 */
final class FunnelFormats {

    private final UiText text;
    private final DefaultNames names;

    FunnelFormats(UiText text) {
        this.text = text;
        this.names = new DefaultNames(text);
    }

    /** A step as the user reads it: 浏览, Click, Purchase; a kind of the user's own as it is. */
    String step(String step) {
        String key = step.equals(FunnelDefinition.PURCHASE) ? "funnel.view.step.purchase" : "value.engagement." + step;
        return text.bundle().containsKey(key) ? text.get(key) : step;
    }

    /** Step {@code index} (0-based) with its number, so that a repeated step is told apart: "2. Click". */
    String numberedStep(int index, String step) {
        return text.get("funnel.view.numberedStep", index + 1, step(step));
    }

    String rate(double share) {
        return String.format(text.locale(), "%.1f%%", share * 100);
    }

    String interval(Proportion proportion) {
        return text.get("experiment.format.range", rate(proportion.low()), rate(proportion.high()));
    }

    /** A duration read at a glance: 45 s, 12 min, 5.5 h, 3.2 days (秒, 分钟, 小时, 天 in Chinese). */
    String duration(double seconds) {
        if (seconds < 60) {
            return text.get("funnel.view.seconds", String.format(text.locale(), "%.0f", seconds));
        }
        if (seconds < 3600) {
            return text.get("funnel.view.minutes", String.format(text.locale(), "%.0f", seconds / 60));
        }
        if (seconds < 86_400) {
            return text.get("funnel.view.hours", String.format(text.locale(), "%.1f", seconds / 3600));
        }
        return text.get("funnel.view.days", String.format(text.locale(), "%.1f", seconds / 86_400));
    }

    /** The unit a histogram over {@code window} counts its times in: days, hours or minutes. */
    static WindowUnit binUnit(Duration window) {
        long seconds = window.toSeconds();
        return seconds >= 2 * 86_400 ? WindowUnit.DAYS : seconds >= 2 * 3600 ? WindowUnit.HOURS : WindowUnit.MINUTES;
    }

    /** A time as a number of {@code unit}, without the unit (the axis names it): 0, 0.5, 1.25, 6. */
    String inUnit(long seconds, WindowUnit unit) {
        double amount = (double) seconds / unit.seconds();
        java.text.NumberFormat number = java.text.NumberFormat.getNumberInstance(text.locale());
        number.setMaximumFractionDigits(2);
        return number.format(amount);
    }

    /** A window as typed: 30 minutes, 12 hours, 7 days, 2 weeks. */
    String window(Duration window) {
        WindowUnit unit = WindowUnit.largestDividing(window);
        long amount = window.toSeconds() / unit.seconds();
        return text.get("funnel.view.window." + unit.key(), amount, text.integer(amount));
    }

    /** A period of entry, by its label ({@code 2025-03}, {@code 2025-W10}): Mar 2025, 2025年3月, 2025年第10周. */
    String period(Period period, String label) {
        return switch (period) {
            case MONTH -> {
                YearMonth month = YearMonth.parse(label);
                yield text.get("funnel.view.month", String.valueOf(month.getYear()), month.getMonthValue(),
                        month.getMonth().getDisplayName(java.time.format.TextStyle.SHORT, Locale.ENGLISH));
            }
            case WEEK -> {
                String[] parts = label.split("-W");
                yield text.get("funnel.view.week", parts[0], Integer.parseInt(parts[1]));
            }
        };
    }

    /** The number {@link Period} gives the period of {@code label}, for an axis of periods. */
    static int periodNumber(Period period, String label) {
        LocalDate start = switch (period) {
            case MONTH -> YearMonth.parse(label).atDay(1);
            case WEEK -> {
                String[] parts = label.split("-W");
                yield LocalDate.of(Integer.parseInt(parts[0]), 6, 1)
                        .with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, Integer.parseInt(parts[1]))
                        .with(TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY));
            }
        };
        return period.ofDay(start.toEpochDay());
    }

    /** A breakdown group's name in the user's language: platforms as the other views name them. */
    String group(Breakdown breakdown, Period period, Label label) {
        return switch (breakdown) {
            case PLATFORM -> {
                String name = text.platform(label.key());
                yield name.equals(label.key()) ? label.in(text.locale()) : name;
            }
            case PERIOD -> period(period, label.key());
            case SEGMENT -> names.segment(label.in(text.locale()));
            default -> label.in(text.locale());
        };
    }

    /** Segmentation names as the Segments view shows them. */
    DefaultNames names() {
        return names;
    }

    /**
     * One of the engine's reasons, in the user's language with its arguments translated: step names, the window as
     * the engine writes it (7d), a breakdown's key.
     */
    String reason(Reason reason, FunnelDefinition definition) {
        String window = definition == null ? null : Funnels.describe(definition.window());
        List<String> arguments = new ArrayList<>();
        for (String argument : reason.arguments()) {
            if (definition != null && argument.equals(window)) {
                arguments.add(window(definition.window()));
            } else if (reason.key().equals("funnel.error.breakdownNeedsPurchase")) {
                arguments.add(text.get("funnel.view.breakdownNoun." + argument));
            } else if (isStep(argument)) {
                arguments.add(step(argument));
            } else {
                arguments.add(argument);
            }
        }
        return new Reason(reason.key(), arguments).in(text.bundle());
    }

    private boolean isStep(String argument) {
        return argument.equals(FunnelDefinition.PURCHASE) || text.bundle().containsKey("value.engagement." + argument);
    }
}
