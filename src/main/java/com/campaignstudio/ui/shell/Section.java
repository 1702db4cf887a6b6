package com.campaignstudio.ui.shell;

/** The areas of the workspace, in navigation order; the shortcut is Ctrl/Cmd + the 1-based position (the tenth 0). */
public enum Section {
    DASHBOARD("dashboard", true),
    DATA("data", true),
    SEGMENTS("segments", true),
    FUNNELS("funnels", true),
    LIFETIME_VALUE("ltv", true),
    /** Products bought together: beside lifetime value, as both read what customers bought. */
    BOUGHT_TOGETHER("basket", true),
    SCHEDULE("schedule", true),
    BUDGET("budget", true),
    EXPERIMENTS("experiments", true),
    /** Who the followers and buyers are: last, so that the earlier sections keep their shortcuts (this one is 0). */
    PORTRAIT("portrait", true);

    private final String key;
    private final boolean built;

    Section(String key, boolean built) {
        this.key = key;
        this.built = built;
    }

    /** The resource-bundle key of the section's name. */
    public String titleKey() {
        return "section." + key;
    }

    /** The resource-bundle key of the "not built yet" explanation. */
    public String pendingKey() {
        return "pending." + key;
    }

    public boolean isBuilt() {
        return built;
    }

    public String shortcut() {
        return "Shortcut+" + (ordinal() + 1) % 10;
    }
}
