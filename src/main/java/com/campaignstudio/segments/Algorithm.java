package com.campaignstudio.segments;

/** How followers are grouped. */
public enum Algorithm {
    /** k-means with k-means++ seeding and several restarts; the best (least distortion) run wins. */
    KMEANS("kmeans"),
    /**
     * A Gaussian mixture (diagonal covariances) fitted by EM: clusters of different spread per feature, for
     * populations that are not round blobs; fitted on a sample, then every follower goes to its most probable
     * component. Diagonal because full covariances collapse on counts that are mostly zero.
     */
    GAUSSIAN_MIXTURE("gmm");

    private final String key;

    Algorithm(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static Algorithm byKey(String key) {
        for (Algorithm algorithm : values()) {
            if (algorithm.key.equals(key)) {
                return algorithm;
            }
        }
        throw new IllegalArgumentException("unknown algorithm '" + key + "'; algorithms: kmeans, gmm");
    }
}
