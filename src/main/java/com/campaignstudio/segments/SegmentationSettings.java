package com.campaignstudio.segments;

import java.util.List;

/**
 * Everything that made a segmentation, kept with it so that it can be explained and run again.
 *
 * @param name       the user's name for the segmentation
 * @param population which followers, over which days
 * @param features   the features clustered on
 * @param transform  log1p per feature, standardising
 * @param clustering algorithm, k, restarts, iteration cap, seed
 * @param weights    engagement score weights
 */
public record SegmentationSettings(String name, Population population, List<Feature> features,
                                   FeatureMatrix.Transform transform, Clusterer.Settings clustering,
                                   EngagementScores.Weights weights) {

    public static SegmentationSettings defaults(String name, int k) {
        return new SegmentationSettings(name, Population.everyone(), Feature.DEFAULTS,
                FeatureMatrix.Transform.defaults(Feature.DEFAULTS), Clusterer.Settings.kMeans(k),
                EngagementScores.Weights.defaults());
    }
}
