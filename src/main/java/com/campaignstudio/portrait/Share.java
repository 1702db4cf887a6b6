package com.campaignstudio.portrait;

/** How many of a group have one value of a trait, and their share of the trait's base (followers or buyers). */
public record Share(String key, long count, double share) {
}
