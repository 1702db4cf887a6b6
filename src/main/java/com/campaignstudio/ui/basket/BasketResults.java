package com.campaignstudio.ui.basket;

import com.campaignstudio.basket.Audience;
import com.campaignstudio.basket.BasketAnalysis;
import com.campaignstudio.basket.Pitch;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import java.util.List;
import java.util.Optional;

/**
 * What the Bought together view shows: the last run (baskets, rules, similarity, notes) and the last pitch. It lives
 * as long as the open project's data, not as long as the view, so that a view built again in another language shows
 * the same results; it is cleared when the data change.
 */
public final class BasketResults {

    /** Whom a pitch is for. */
    public enum AudienceKind {
        CUSTOMER, PRODUCT_BUYERS, SEGMENT
    }

    /**
     * A pitch as made: to whom ({@code target} is the customer's reference or the product's name; a segment's names
     * as stored), how it was scored, and what came of it.
     */
    record Pitched(AudienceKind kind, String target, String segmentation, String segment, Audience audience,
                   Pitch pitch, List<Pitch.Suggestion> suggestions, List<Pitch.Tally> tallies) {
        Pitched {
            suggestions = List.copyOf(suggestions);
            tallies = List.copyOf(tallies);
        }
    }

    private final ReadOnlyObjectWrapper<BasketAnalysis> analysis = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Pitched> pitched = new ReadOnlyObjectWrapper<>();

    // Properties

    ReadOnlyObjectProperty<BasketAnalysis> analysisProperty() {
        return analysis.getReadOnlyProperty();
    }

    Optional<BasketAnalysis> analysis() {
        return Optional.ofNullable(analysis.get());
    }

    ReadOnlyObjectProperty<Pitched> pitchedProperty() {
        return pitched.getReadOnlyProperty();
    }

    Optional<Pitched> pitched() {
        return Optional.ofNullable(pitched.get());
    }

    // Commands

    /** A new run; a pitch made from the one before no longer matches it. */
    void show(BasketAnalysis run) {
        pitched.set(null);
        analysis.set(run);
    }

    void show(Pitched made) {
        pitched.set(made);
    }

    public void clear() {
        pitched.set(null);
        analysis.set(null);
    }
}
