package com.campaignstudio.ltv;

import com.campaignstudio.project.ProjectDatabase;
import com.campaignstudio.segments.SegmentStore;
import com.campaignstudio.text.Reason;
import com.campaignstudio.work.TaskContext;

import java.sql.SQLException;
import java.util.Set;

/** Reads the customer summary for the settings' population and fits the models. */
public final class LtvRun {

    private final ProjectDatabase database;

    public LtvRun(ProjectDatabase database) {
        this.database = database;
    }

    public LtvResult run(LtvSettings settings, TaskContext context) throws SQLException, LtvException {
        Set<Long> segment = settings.segmentationId() == 0 ? null
                : new SegmentStore(database).members(settings.segmentationId(), settings.segmentNo());
        context.message(Reason.of("stage.orders"));
        CustomerSummary summary = new SummaryReader(database).read(settings.unit(), settings.calibrationEnd(),
                settings.platform(), segment, context);
        context.progress(20, 100);
        return LtvModel.fit(summary, settings, context);
    }

    /** A yearly discount rate as a rate per period of {@code unit}. */
    public static double perPeriod(double yearlyRate, PeriodUnit unit) {
        return Math.pow(1 + yearlyRate, unit.days() / 365.25) - 1;
    }
}
