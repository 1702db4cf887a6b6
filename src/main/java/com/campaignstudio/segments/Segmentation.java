package com.campaignstudio.segments;

import com.campaignstudio.text.Reason;

import java.time.LocalDateTime;
import java.util.List;

/**
 * A finished segmentation: the settings, each follower's segment and engagement score, the profiles and a
 * picture.
 *
 * @param id          the id in the project, 0 until saved
 * @param settings    what made it
 * @param createdAt   when it ran
 * @param asOf        the end of the window the features describe
 * @param columns     the feature matrix's column names, in the order of the profiles' means
 * @param followerIds the followers, ascending
 * @param segment     each follower's segment (0 = the most valuable)
 * @param engagement  each follower's engagement score U
 * @param profiles    one per segment, by number
 * @param scatter     a 2-D sample, or null when loaded from the project
 * @param notes       what was done to the data (imputation)
 */
public record Segmentation(long id, SegmentationSettings settings, LocalDateTime createdAt, LocalDateTime asOf,
                           List<String> columns, long[] followerIds, int[] segment, float[] engagement,
                           List<SegmentProfile> profiles, Scatter scatter, List<Reason> notes) {

    public int k() {
        return profiles.size();
    }

    public Segmentation withId(long newId) {
        return new Segmentation(newId, settings, createdAt, asOf, columns, followerIds, segment, engagement, profiles,
                scatter, notes);
    }

    public Segmentation withProfiles(List<SegmentProfile> newProfiles) {
        return new Segmentation(id, settings, createdAt, asOf, columns, followerIds, segment, engagement, newProfiles,
                scatter, notes);
    }
}
