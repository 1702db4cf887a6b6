package com.campaignstudio.funnels;

import com.campaignstudio.snapshot.ActivitySnapshot;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The steps a project offers for a funnel, and the funnel to start from. */
public final class FunnelChoices {

    private FunnelChoices() {
    }

    /**
     * Every step a funnel may use: the known event kinds (a project without some of them says so when run), the
     * purchase, then the project's other kinds by name.
     */
    public static List<String> offered(ActivitySnapshot snapshot) {
        Set<String> steps = new LinkedHashSet<>(Funnels.KNOWN_KINDS);
        steps.add(FunnelDefinition.PURCHASE);
        steps.addAll(new TreeSet<>(withEvents(snapshot)));
        return List.copyOf(steps);
    }

    /** The funnel to start from in {@code snapshot}'s project. */
    public static List<String> startingSteps(ActivitySnapshot snapshot) {
        return startingSteps(withEvents(snapshot), snapshot.orders() > 0);
    }

    /**
     * From a post to a payment (exposure, click, register, purchase) with the steps the project has events for; a
     * project with orders only follows a first purchase to a second; one with nothing to follow gets the whole path
     * from a post to a payment, and the run says which step has no events.
     */
    static List<String> startingSteps(Set<String> kindsWithEvents, boolean hasOrders) {
        List<String> path = new ArrayList<>();
        for (String step : FunnelDefinition.SOCIAL_TO_SALE) {
            if (kindsWithEvents.contains(step) || step.equals(FunnelDefinition.PURCHASE) && hasOrders) {
                path.add(step);
            }
        }
        if (path.size() >= 2) {
            return path;
        }
        if (hasOrders) {
            return List.of(FunnelDefinition.PURCHASE, FunnelDefinition.PURCHASE);
        }
        List<String> known = Funnels.KNOWN_KINDS.stream().filter(kindsWithEvents::contains).limit(2).toList();
        return known.size() == 2 ? known : FunnelDefinition.SOCIAL_TO_SALE;
    }

    private static Set<String> withEvents(ActivitySnapshot snapshot) {
        Set<String> kinds = new LinkedHashSet<>();
        for (int code = 0; code < snapshot.kinds().size(); code++) {
            if (snapshot.eventsOfKind(code) > 0) {
                kinds.add(snapshot.kinds().get(code));
            }
        }
        return kinds;
    }
}
