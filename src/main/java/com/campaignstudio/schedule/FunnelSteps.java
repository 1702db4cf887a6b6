package com.campaignstudio.schedule;

import com.campaignstudio.funnels.Breakdown;
import com.campaignstudio.funnels.FunnelDefinition;
import com.campaignstudio.funnels.FunnelException;
import com.campaignstudio.funnels.FunnelGroup;
import com.campaignstudio.funnels.FunnelQuery;
import com.campaignstudio.funnels.FunnelResult;
import com.campaignstudio.funnels.Funnels;
import com.campaignstudio.funnels.StepFigures;
import com.campaignstudio.funnels.StepOrder;
import com.campaignstudio.snapshot.ActivitySnapshot;
import com.campaignstudio.work.TaskContext;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The steps after a click, per platform, from the project's own funnel: people who clicked → registered within
 * {@link #WINDOW} → bought within it. A project without registration events goes from click to purchase (registration
 * passes everyone); a platform without clicks takes the project's overall rates; a project without clicks or orders
 * the stated {@link #ASSUMED_REGISTER} and {@link #ASSUMED_PURCHASE}, drawn widely (see {@link Rate}).
 */
record FunnelSteps(Map<String, Rate> register, Map<String, Rate> purchase, Rate overallRegister,
                   Rate overallPurchase) {

    static final Duration WINDOW = Duration.ofDays(30);
    /** Rules of thumb for a creator's landing page: a third of clickers sign up, a tenth of those pay. */
    static final double ASSUMED_REGISTER = 0.3;
    static final double ASSUMED_PURCHASE = 0.1;

    static FunnelSteps of(ActivitySnapshot snapshot, TaskContext context) throws FunnelException {
        boolean clicks = snapshot.kinds().contains("click") && snapshot.eventsOfKind(snapshot.kindCode("click")) > 0;
        if (!clicks || snapshot.orders() == 0) {
            return new FunnelSteps(Map.of(), Map.of(), Rate.assumed(ASSUMED_REGISTER),
                    Rate.assumed(ASSUMED_PURCHASE));
        }
        boolean registers = snapshot.kinds().contains("register")
                && snapshot.eventsOfKind(snapshot.kindCode("register")) > 0;
        List<String> steps = new ArrayList<>(List.of("click"));
        if (registers) {
            steps.add("register");
        }
        steps.add(FunnelDefinition.PURCHASE);
        FunnelResult result = Funnels.run(snapshot, new FunnelQuery(new FunnelDefinition(steps, WINDOW,
                StepOrder.STRICT), Breakdown.PLATFORM, com.campaignstudio.snapshot.Period.MONTH, Optional.empty(),
                Optional.empty()), context);
        Map<String, Rate> register = new HashMap<>();
        Map<String, Rate> purchase = new HashMap<>();
        for (FunnelGroup group : result.groups()) {
            List<StepFigures> figures = group.figures().steps();
            if (figures.getFirst().people() == 0) {
                continue;
            }
            register.put(group.label().key(), registers ? rate(figures.get(1)) : Rate.ALWAYS);
            purchase.put(group.label().key(), rate(figures.getLast()));
        }
        List<StepFigures> overall = result.overall().steps();
        return new FunnelSteps(register, purchase, registers ? rate(overall.get(1)) : Rate.ALWAYS,
                rate(overall.getLast()));
    }

    private static Rate rate(StepFigures step) {
        return step.stepConversion().map(p -> Rate.counted(p.successes(), p.trials()))
                .orElse(Rate.assumed(ASSUMED_PURCHASE));
    }

    Rate register(String platform) {
        return register.getOrDefault(platform, overallRegister);
    }

    Rate purchase(String platform) {
        return purchase.getOrDefault(platform, overallPurchase);
    }
}
