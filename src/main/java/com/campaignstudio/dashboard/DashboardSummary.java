package com.campaignstudio.dashboard;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The figures on the dashboard of a project.
 *
 * @param followersByPlatform followers per platform, largest first
 * @param followers           all followers
 * @param buyers              distinct customers with at least one paid (not refunded) order
 * @param revenue             sum of paid orders
 * @param repeatBuyers        buyers who paid on two or more different days (one purchase occasion per day)
 * @param convertedFollowers  followers linked to at least one paid order
 * @param revenueByWeek       paid revenue per ISO week (Monday start), oldest first, weeks without orders omitted
 * @param lastSaleDay         the day of the latest paid order, where the data end; null without orders
 */
public record DashboardSummary(List<PlatformCount> followersByPlatform, long followers, long buyers,
                               BigDecimal revenue, long repeatBuyers, long convertedFollowers,
                               List<WeekRevenue> revenueByWeek, LocalDate lastSaleDay) {

    /** Followers of one platform. */
    public record PlatformCount(String code, String nameEn, String nameZh, long followers) {
    }

    /** Revenue of the week starting on {@code weekStart} (a Monday). */
    public record WeekRevenue(LocalDate weekStart, BigDecimal revenue) {
    }

    /** Share of buyers who bought again; 0 when there are no buyers. */
    public double repeatBuyerShare() {
        return buyers == 0 ? 0 : repeatBuyers / (double) buyers;
    }

    /** Share of followers who became paying customers; 0 when there are no followers. */
    public double overallConversion() {
        return followers == 0 ? 0 : convertedFollowers / (double) followers;
    }

    /**
     * The weeks the data cover to their Sunday. The week of the last sale is left out when that sale came before
     * its Sunday: its revenue so far is not comparable with whole weeks, and drawn as one it reads as a sudden drop.
     */
    public List<WeekRevenue> completeWeeks() {
        return revenueByWeek.stream().filter(week -> !isPartial(week)).toList();
    }

    /** The last week, when the data end before its Sunday. */
    public Optional<WeekRevenue> partialWeek() {
        return revenueByWeek.isEmpty() || !isPartial(revenueByWeek.getLast()) ? Optional.empty()
                : Optional.of(revenueByWeek.getLast());
    }

    private boolean isPartial(WeekRevenue week) {
        return lastSaleDay != null && week.weekStart().plusDays(6).isAfter(lastSaleDay);
    }

    public boolean isEmpty() {
        return followers == 0 && buyers == 0;
    }
}
