package com.campaignstudio.funnels;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The funnel a project starts from, by what it has. */
class FunnelChoicesTest {

    @Test
    void engagementAndOrdersStartFromAPostToAPayment() {
        assertEquals(List.of("view", "click", "register", "purchase"),
                FunnelChoices.startingSteps(Set.of("like", "view", "click", "register", "follow"), true));
    }

    @Test
    void stepsWithoutEventsAreLeftOutOfTheStartingPath() {
        assertEquals(List.of("view", "click", "purchase"), FunnelChoices.startingSteps(Set.of("view", "click"), true));
        assertEquals(List.of("view", "register"), FunnelChoices.startingSteps(Set.of("view", "register"), false));
    }

    @Test
    void ordersAloneFollowAFirstPurchaseToASecond() {
        assertEquals(List.of("purchase", "purchase"), FunnelChoices.startingSteps(Set.of("like"), true));
        assertEquals(List.of("purchase", "purchase"), FunnelChoices.startingSteps(Set.of(), true));
    }

    @Test
    void withoutThePathsKindsTheFirstTwoKnownKindsAreFollowedAndWithNothingThePathStays() {
        assertEquals(List.of("like", "share"), FunnelChoices.startingSteps(Set.of("share", "like"), false));
        assertEquals(FunnelDefinition.SOCIAL_TO_SALE, FunnelChoices.startingSteps(Set.of(), false),
                "the run then says which step has no events");
    }
}
