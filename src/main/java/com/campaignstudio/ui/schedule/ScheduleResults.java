package com.campaignstudio.ui.schedule;

import com.campaignstudio.schedule.ScheduleModels;
import com.campaignstudio.schedule.ScheduleSettings;
import com.campaignstudio.schedule.Simulation;
import com.campaignstudio.schedule.Simulator;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the Schedule section works on: the plan with its undo history, the settings, the model read from the project
 * and the last simulation. It lives as long as the open project, not as long as the view, so that switching sections
 * or the language keeps the plan and its results.
 */
public final class ScheduleResults {

    /**
     * A model read from the project, with the simulator serving it.
     *
     * @param usualFormat per platform, the format most of its posts have (absent: the platform has no posts)
     * @param formats     the formats a post can have, the project's first
     * @param builtFor    the settings it was read with
     */
    record Model(ScheduleModels.Built built, Simulator simulator, Map<String, String> usualFormat,
                 List<String> formats, ScheduleSettings builtFor) {
    }

    private PlanHistory history;
    private ScheduleSettings settings = ScheduleSettings.defaults();
    private Model model;
    private Simulation simulation;
    private String savedName;
    private boolean settingsChosen;

    Optional<PlanHistory> history() {
        return Optional.ofNullable(history);
    }

    void useHistory(PlanHistory newHistory) {
        history = newHistory;
    }

    ScheduleSettings settings() {
        return settings;
    }

    void useSettings(ScheduleSettings newSettings) {
        settings = newSettings;
    }

    /**
     * Whether the user set k or fatigue in the planner (or opened a saved plan with its own): until then the model
     * takes k from the Best time view and fatigue as the project's posts show it.
     */
    boolean settingsChosen() {
        return settingsChosen;
    }

    void chooseSettings(ScheduleSettings chosen) {
        settings = chosen;
        settingsChosen = true;
    }

    Optional<Model> model() {
        return Optional.ofNullable(model);
    }

    void useModel(Model newModel) {
        model = newModel;
    }

    Optional<Simulation> simulation() {
        return Optional.ofNullable(simulation);
    }

    void show(Simulation newSimulation) {
        simulation = newSimulation;
    }

    /** The name the plan was last saved or opened under, offered when it is saved again. */
    Optional<String> savedName() {
        return Optional.ofNullable(savedName);
    }

    void useSavedName(String name) {
        savedName = name;
    }

    /** The project's data changed: the model and what it predicted go, the plan stays. */
    public void forgetModel() {
        model = null;
        simulation = null;
    }

    public void clear() {
        history = null;
        settings = ScheduleSettings.defaults();
        settingsChosen = false;
        model = null;
        simulation = null;
        savedName = null;
    }
}
