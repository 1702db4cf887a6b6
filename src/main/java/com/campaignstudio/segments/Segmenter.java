package com.campaignstudio.segments;

import com.campaignstudio.project.ProjectDatabase;
import com.campaignstudio.text.Reason;
import com.campaignstudio.work.TaskContext;

import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/** Runs a segmentation end to end: read the facts, build the matrix, cluster, rank, profile, picture. */
public final class Segmenter {

    private final ProjectDatabase database;

    public Segmenter(ProjectDatabase database) {
        this.database = database;
    }

    public Segmentation run(SegmentationSettings settings, TaskContext context)
            throws SQLException, SegmentationException {
        return segment(readFacts(settings.population(), scaled(context, 0.0, 0.4)), settings, context);
    }

    /** The facts of a population that holds at least one follower (the command line keeps them for its export). */
    public FollowerFacts readFacts(Population population, TaskContext context)
            throws SQLException, SegmentationException {
        FollowerFacts facts = new FactsReader(database).read(population, context);
        if (facts.size() == 0) {
            throw new SegmentationException("segment.error.empty");
        }
        return facts;
    }

    /** Segments facts already read (the benchmark times the steps apart). */
    public static Segmentation segment(FollowerFacts facts, SegmentationSettings settings, TaskContext context)
            throws SegmentationException {
        FeatureMatrix matrix = FeatureMatrix.build(facts, settings.features(), settings.transform());
        context.checkCancelled();
        Clusters clusters = Clusterer.run(matrix.values(), settings.clustering(), scaled(context, 0.4, 0.9));
        EngagementScores engagement = EngagementScores.of(facts, settings.weights());
        clusters = Profiles.byValue(clusters, facts, engagement.score());
        List<String> names = new ArrayList<>();
        for (int g = 0; g < clusters.k(); g++) {
            names.add(defaultName(g, clusters.k()));
        }
        List<SegmentProfile> profiles = Profiles.of(facts, matrix, clusters, engagement, null, settings.weights(), names);
        context.progress(95, 100);
        List<Reason> notes = new ArrayList<>(matrix.notes());
        Scatter scatter = null;
        try {
            scatter = Scatter.of(matrix, clusters, settings.clustering().seed());
        } catch (LinkageError noOpenBlas) {
            notes.add(Reason.of("segment.note.noMap"));
        }
        float[] scores = new float[facts.size()];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = (float) engagement.score()[i];
        }
        context.progress(100, 100);
        return new Segmentation(0, settings, LocalDateTime.now().withNano(0), facts.asOf(), matrix.columns(),
                facts.ids(), clusters.assignment(), scores, profiles, scatter, List.copyOf(notes));
    }

    /** "High potential", "Medium potential 2", ...: numbered only where a label repeats. */
    static String defaultName(int rank, int k) {
        return defaultName(rank, k, potential -> switch (potential) {
            case HIGH -> "High potential";
            case MEDIUM -> "Medium potential";
            case LOW -> "Low potential";
        });
    }

    /** The default name of the segment at {@code rank} with the labels given, numbered where a label repeats. */
    public static String defaultName(int rank, int k, java.util.function.Function<Potential, String> labels) {
        Potential potential = Potential.ofRank(rank, k);
        int same = 0;
        int position = 0;
        for (int r = 0; r < k; r++) {
            if (Potential.ofRank(r, k) == potential) {
                same++;
                if (r <= rank) {
                    position++;
                }
            }
        }
        String label = labels.apply(potential);
        return same == 1 ? label : label + " " + position;
    }

    /** A context that maps 0..1 of the inner work onto {@code from..to} of the outer progress. */
    static TaskContext scaled(TaskContext outer, double from, double to) {
        return new TaskContext() {
            @Override
            public void progress(long done, long total) {
                double fraction = total <= 0 ? 0 : (double) done / total;
                outer.progress(Math.round((from + (to - from) * fraction) * 1000), 1000);
            }

            @Override
            public void message(Reason message) {
                outer.message(message);
            }

            @Override
            public boolean isCancelled() {
                return outer.isCancelled();
            }
        };
    }
}
