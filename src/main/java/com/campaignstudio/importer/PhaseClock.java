package com.campaignstudio.importer;

import java.util.ArrayList;
import java.util.List;

/** Times the phases of an import one after another, for the report and the benchmark. */
final class PhaseClock {

    private final List<ImportReport.Phase> phases = new ArrayList<>();
    private long last = System.nanoTime();

    /** Ends the current phase under {@code name} and starts the next. */
    synchronized void lap(String name) {
        long now = System.nanoTime();
        phases.add(new ImportReport.Phase(name, (now - last) / 1e9));
        last = now;
    }

    synchronized List<ImportReport.Phase> phases() {
        return List.copyOf(phases);
    }
}
