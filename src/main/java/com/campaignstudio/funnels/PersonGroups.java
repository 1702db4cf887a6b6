package com.campaignstudio.funnels;

import com.campaignstudio.snapshot.ActivitySnapshot;
import com.campaignstudio.snapshot.Label;
import com.campaignstudio.text.Reason;

import java.util.Arrays;
import java.util.List;

/**
 * A group for each person of a snapshot: the segments of a saved segmentation, or any other partition.
 *
 * @param group   per person, the index into {@code labels}, or -1 for people outside every group
 * @param labels  the groups' names
 * @param outside the name of the people outside every group
 */
public record PersonGroups(int[] group, List<Label> labels, Label outside) {

    public PersonGroups {
        labels = List.copyOf(labels);
    }

    /**
     * The segments of a segmentation as groups of the snapshot's persons: {@code segment[i]} (0 = the first) is the
     * segment of follower {@code followerIds[i]}; persons who are not among them (later followers, unlinked buyers)
     * are outside.
     */
    public static PersonGroups ofFollowers(ActivitySnapshot snapshot, long[] followerIds, int[] segment,
                                           List<String> segmentNames) {
        int[] group = new int[snapshot.persons()];
        Arrays.fill(group, -1);
        for (int i = 0; i < followerIds.length; i++) {
            int person = snapshot.personOfFollower(followerIds[i]);
            if (person >= 0) {
                group[person] = segment[i];
            }
        }
        List<Label> labels = new java.util.ArrayList<>();
        for (int s = 0; s < segmentNames.size(); s++) {
            labels.add(Label.named(Integer.toString(s + 1), segmentNames.get(s)));
        }
        return new PersonGroups(group, labels, Label.of("outside", Reason.of("group.outsideSegmentation")));
    }

    /** The persons of group {@code index}, as a population filter. */
    public java.util.BitSet members(int index) {
        java.util.BitSet members = new java.util.BitSet(group.length);
        for (int p = 0; p < group.length; p++) {
            if (group[p] == index) {
                members.set(p);
            }
        }
        return members;
    }
}
