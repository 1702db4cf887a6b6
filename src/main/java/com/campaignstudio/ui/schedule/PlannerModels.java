package com.campaignstudio.ui.schedule;

import com.campaignstudio.project.ProjectDatabase;
import com.campaignstudio.schedule.PostHistory;
import com.campaignstudio.schedule.ScheduleModels;
import com.campaignstudio.schedule.ScheduleSettings;
import com.campaignstudio.schedule.Simulator;
import com.campaignstudio.snapshot.Snapshots;
import com.campaignstudio.work.TaskContext;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The planner's model: read from the project (in the background), or the one on show with another fatigue. */
final class PlannerModels {

    /** Formats besides the project's own that a post can have. */
    static final List<String> FORMATS = List.of("video", "article", "image", "live", "other");

    private PlannerModels() {
    }

    /** The model for {@code settings} as {@link ScheduleModels#forProject} reads it, with the formats posts have. */
    static ScheduleResults.Model read(ProjectDatabase database, Snapshots snapshots, ScheduleSettings settings,
                                      boolean chosen, TaskContext context) throws Exception {
        ScheduleModels.ForProject read = ScheduleModels.forProject(database, snapshots, settings, chosen, context);
        ScheduleModels.Built built = read.built();
        ScheduleSettings effective = read.settings();
        PostHistory posts = PostHistory.read(database);
        Map<String, String> usual = new LinkedHashMap<>();
        for (String platform : built.rates().keySet()) {
            usualFormat(posts, platform).ifPresent(format -> usual.put(platform, format));
        }
        Set<String> formats = new LinkedHashSet<>(posts.formatCodes());
        formats.addAll(FORMATS);
        return new ScheduleResults.Model(built, new Simulator(built.model()), usual, List.copyOf(formats), effective);
    }

    /** Fatigue is applied when simulating: the model read from the project stays, with draws made anew. */
    static ScheduleResults.Model withFatigue(ScheduleResults.Model model, ScheduleSettings settings) {
        ScheduleModels.Built built = model.built();
        ScheduleModels.Built refitted = new ScheduleModels.Built(built.model().withFatigue(settings.fatigue()),
                built.rates(), built.decay(), built.projectZone());
        return new ScheduleResults.Model(refitted, new Simulator(refitted.model()), model.usualFormat(),
                model.formats(), settings);
    }

    /** The format most of the platform's posts have (the first in the project's list on a tie). */
    private static Optional<String> usualFormat(PostHistory posts, String platform) {
        int index = posts.platformIndex(platform);
        int[] perFormat = new int[posts.formatCodes().size()];
        for (int i = 0; i < posts.size(); i++) {
            if (posts.platform()[i] == index) {
                perFormat[posts.format()[i]]++;
            }
        }
        int best = -1;
        for (int f = 0; f < perFormat.length; f++) {
            if (perFormat[f] > 0 && (best < 0 || perFormat[f] > perFormat[best])) {
                best = f;
            }
        }
        return best < 0 ? Optional.empty() : Optional.of(posts.formatCodes().get(best));
    }
}
