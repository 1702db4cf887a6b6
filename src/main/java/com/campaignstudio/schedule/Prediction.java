package com.campaignstudio.schedule;

import java.util.List;

/**
 * What a plan was predicted to bring when it was saved, kept beside it so that it can be checked against the posts
 * actually published, however the model changes later.
 */
public record Prediction(List<Simulation.PostOutcome> posts, Outcome total) {

    public Prediction {
        posts = List.copyOf(posts);
    }

    public static Prediction of(Simulation simulation) {
        return new Prediction(simulation.posts(), simulation.total());
    }
}
