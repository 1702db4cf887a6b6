package com.campaignstudio.ui.common;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.Image;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.nio.file.Path;

/** A chart (or any view) as a picture: taken on the FX thread, written as PNG from any thread. */
public final class ChartImage {

    private ChartImage() {
    }

    /** The node as it is drawn now, at its size, on white (charts are transparent where nothing is drawn). */
    public static WritableImage snapshot(Node node) {
        SnapshotParameters parameters = new SnapshotParameters();
        parameters.setFill(Color.WHITE);
        return node.snapshot(parameters, null);
    }

    public static void writePng(Image image, Path target) throws IOException {
        if (!ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", target.toFile())) {
            throw new IOException("no PNG writer for " + target);
        }
    }
}
