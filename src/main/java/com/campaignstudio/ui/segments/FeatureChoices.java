package com.campaignstudio.ui.segments;

import com.campaignstudio.segments.EngagementScores;
import com.campaignstudio.segments.Feature;
import com.campaignstudio.ui.common.Glossary;
import com.campaignstudio.ui.common.Term;
import com.campaignstudio.ui.common.UiText;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.layout.GridPane;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Segments view's feature choices (which features, which of them log1p-transformed) and engagement
 * weights: fills their grids and reads the choices back.
 */
final class FeatureChoices {

    private static final String[] WEIGHT_KEYS = {"alpha", "beta", "gamma", "eta", "theta", "xi"};

    private final UiText text;
    private final Map<Feature, CheckBox> used = new EnumMap<>(Feature.class);
    private final Map<Feature, CheckBox> logged = new EnumMap<>(Feature.class);
    private final List<Spinner<Double>> weights = new ArrayList<>();

    FeatureChoices(UiText text) {
        this.text = text;
    }

    /** A row per feature: whether it is used, and whether log1p is applied (not for platform and day counts). */
    void fillFeatureGrid(GridPane grid) {
        grid.add(new Label(text.get("segments.feature")), 0, 0);
        Label log1p = new Label(text.get("segments.feature.log"));
        new Glossary(text).attach(log1p, Term.LOG1P);
        grid.add(log1p, 1, 0);
        int row = 1;
        for (Feature feature : Feature.values()) {
            CheckBox use = new CheckBox(text.get("feature." + feature.key()));
            use.setSelected(Feature.DEFAULTS.contains(feature));
            CheckBox log = new CheckBox();
            log.setSelected(feature.heavyTailed());
            log.setDisable(feature == Feature.PLATFORM || feature == Feature.RECENCY_DAYS || feature == Feature.TENURE_DAYS);
            used.put(feature, use);
            logged.put(feature, log);
            grid.add(use, 0, row);
            grid.add(log, 1, row);
            row++;
        }
    }

    /** alpha, beta, gamma of U and eta, theta, xi of I_k, each 0..1 in steps of 0.05. */
    void fillWeightGrid(GridPane grid) {
        EngagementScores.Weights defaults = EngagementScores.Weights.defaults();
        double[] values = {defaults.alpha(), defaults.beta(), defaults.gamma(), defaults.eta(), defaults.theta(),
                defaults.xi()};
        for (int i = 0; i < values.length; i++) {
            Spinner<Double> spinner = new Spinner<>(0.0, 1.0, values[i], 0.05);
            spinner.setEditable(true);
            spinner.setPrefWidth(90);
            weights.add(spinner);
            // Names wrap, so that these folded-away choices do not widen the panel.
            Label name = new Label(text.get("segments.weight." + WEIGHT_KEYS[i]));
            name.setWrapText(true);
            grid.add(name, 0, i);
            grid.add(spinner, 1, i);
        }
    }

    List<Feature> features() {
        return used.entrySet().stream().filter(entry -> entry.getValue().isSelected()).map(Map.Entry::getKey).toList();
    }

    /** The chosen features that are log1p-transformed. */
    Set<Feature> logTransformed() {
        Set<Feature> logs = EnumSet.noneOf(Feature.class);
        features().stream().filter(feature -> logged.get(feature).isSelected()).forEach(logs::add);
        return logs;
    }

    EngagementScores.Weights weights() {
        return new EngagementScores.Weights(weights.get(0).getValue(), weights.get(1).getValue(),
                weights.get(2).getValue(), weights.get(3).getValue(), weights.get(4).getValue(),
                weights.get(5).getValue());
    }
}
