package com.campaignstudio.ui.budget;

import com.campaignstudio.budget.BudgetAnalysis;
import com.campaignstudio.budget.BudgetGoal;
import com.campaignstudio.budget.BudgetPlan;
import com.campaignstudio.budget.BudgetStore;
import com.campaignstudio.budget.HillCurve;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The Budget section's fit and the curves set by hand on it, kept while the project's data stays as it is (a language
 * switch builds the view again and shows them at once); the tabs listen to {@link #shownProperty}.
 */
public final class BudgetResults {

    /** The analysis the tabs show: the fit with the curves set by hand applied, platform index to curve. */
    public record Shown(BudgetAnalysis analysis, Map<Integer, HillCurve> byHand) {
        public Shown {
            byHand = Map.copyOf(byHand);
        }

        public BudgetGoal goal() {
            return analysis.goal();
        }
    }

    /** A split the optimiser made, with what it was asked, ready to be saved. */
    public record Plan(BudgetStore.Inputs inputs, BudgetPlan.Result result) {
    }

    private final int draws;
    private final ReadOnlyObjectWrapper<Shown> shown = new ReadOnlyObjectWrapper<>();
    private final ObjectProperty<Plan> plan = new SimpleObjectProperty<>();
    private BudgetAnalysis fitted;

    /** @param draws bootstrap refits per fit ({@link BudgetAnalysis#DEFAULT_DRAWS} in the application) */
    public BudgetResults(int draws) {
        this.draws = draws;
    }

    public int draws() {
        return draws;
    }

    public ReadOnlyObjectProperty<Shown> shownProperty() {
        return shown.getReadOnlyProperty();
    }

    public Optional<Shown> shown() {
        return Optional.ofNullable(shown.get());
    }

    /** A new fit: the curves set by hand on the last one go with it. */
    public void fitted(BudgetAnalysis analysis) {
        fitted = analysis;
        plan.set(null);
        shown.set(new Shown(analysis, Map.of()));
    }

    /** Platform p's curve set by hand on top of the fit (and the others set before). */
    public void setByHand(int p, HillCurve weekly) {
        Map<Integer, HillCurve> byHand = new TreeMap<>(shown.get().byHand());
        byHand.put(p, weekly);
        show(byHand);
    }

    /** Platform p back to its fitted curve. */
    public void clearByHand(int p) {
        Map<Integer, HillCurve> byHand = new TreeMap<>(shown.get().byHand());
        byHand.remove(p);
        show(byHand);
    }

    private void show(Map<Integer, HillCurve> byHand) {
        BudgetAnalysis analysis = fitted;
        for (Map.Entry<Integer, HillCurve> curve : byHand.entrySet()) {
            analysis = analysis.withHandCurve(curve.getKey(), curve.getValue());
        }
        plan.set(null);
        shown.set(new Shown(analysis, byHand));
    }

    public ObjectProperty<Plan> planProperty() {
        return plan;
    }

    /** The data changed or another project opened: the fit no longer describes it. */
    public void clear() {
        fitted = null;
        plan.set(null);
        shown.set(null);
    }
}
