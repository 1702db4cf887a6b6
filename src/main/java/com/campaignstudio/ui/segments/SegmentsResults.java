package com.campaignstudio.ui.segments;

import com.campaignstudio.segments.ContentScores;
import com.campaignstudio.segments.Propensity;
import com.campaignstudio.segments.Segmentation;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import java.util.List;
import java.util.Optional;

/**
 * What the Segments view shows: the segmentation on show, its purchase propensity and the content ranked for
 * one of its segments. It lives as long as the open project, not as long as the view, so that a view built
 * again (in another language) shows the same results, and a run that finishes meanwhile still shows.
 */
public final class SegmentsResults {

    /** A segmentation on show with what was worked out for it; propensity and content may be missing. */
    public record Shown(Segmentation segmentation, Propensity propensity, int contentSegment,
                        List<ContentScores.PostScore> content) {
        public Shown {
            content = List.copyOf(content);
        }
    }

    private final ReadOnlyObjectWrapper<Shown> shown = new ReadOnlyObjectWrapper<>();

    // Properties

    public ReadOnlyObjectProperty<Shown> shownProperty() {
        return shown.getReadOnlyProperty();
    }

    public Optional<Shown> shown() {
        return Optional.ofNullable(shown.get());
    }

    // Commands

    /** Shows {@code segmentation} (its content not ranked yet; the first segment chosen for ranking). */
    public void show(Segmentation segmentation, Propensity propensity) {
        shown.set(new Shown(segmentation, propensity, segmentation.profiles().isEmpty() ? -1 : 0, List.of()));
    }

    public void clear() {
        shown.set(null);
    }

    /** The segmentation on show, changed (segments renamed), with what was worked out for it. */
    public void update(Segmentation segmentation) {
        onShow(segmentation.id()).ifPresent(now -> shown.set(new Shown(segmentation, now.propensity(),
                now.contentSegment(), now.content())));
    }

    /** The propensity trained for segmentation {@code id}, if that is still the one on show. */
    public void showPropensity(long id, Propensity propensity) {
        onShow(id).ifPresent(now -> shown.set(new Shown(now.segmentation(), propensity, now.contentSegment(),
                now.content())));
    }

    /** Content ranked for {@code segment} (-1: all segments) of segmentation {@code id}, if still on show. */
    public void showContent(long id, int segment, List<ContentScores.PostScore> content) {
        onShow(id).ifPresent(now -> shown.set(new Shown(now.segmentation(), now.propensity(), segment, content)));
    }

    private Optional<Shown> onShow(long id) {
        return shown().filter(now -> now.segmentation().id() == id);
    }
}
