package com.campaignstudio.demo;

/** How much synthetic data the demo generator writes. */
public enum DemoSize {
    /** For tests: generated in seconds. */
    SMALL(5_000, 40),
    /** The demo project a new user opens. */
    DEFAULT(50_000, 160),
    /** One million followers, for benchmarks. */
    LARGE(1_000_000, 800);

    private final int followers;
    private final int postsPerPlatform;

    DemoSize(int followers, int postsPerPlatform) {
        this.followers = followers;
        this.postsPerPlatform = postsPerPlatform;
    }

    public int followers() {
        return followers;
    }

    public int postsPerPlatform() {
        return postsPerPlatform;
    }
}
