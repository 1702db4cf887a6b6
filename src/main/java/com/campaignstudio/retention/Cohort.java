package com.campaignstudio.retention;

import com.campaignstudio.snapshot.Label;

import java.util.List;

/**
 * One cohort: the people whose first purchase (or follow) fell in one period.
 *
 * @param label  the period ({@code 2025-03}, {@code 2025-W10})
 * @param period the period's number ({@link com.campaignstudio.snapshot.Period})
 * @param size   members; an empty cohort has no cells
 * @param cells  offsets 0, 1, ... up to the data's last period
 */
public record Cohort(Label label, int period, long size, List<RetentionCell> cells) {

    public Cohort {
        cells = List.copyOf(cells);
    }
}
