package com.campaignstudio.ui;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** Renders a scene to target/screenshots/NAME.png (or a folder of the caller's), so that a person can look at what a test saw. */
final class Screenshots {

    private Screenshots() {
    }

    static Path save(Scene scene, String name) throws Exception {
        return write(snapshot(scene), Path.of("target", "screenshots"), name);
    }

    /** The scene as drawn now (the snapshot lays it out first). */
    static WritableImage snapshot(Scene scene) throws Exception {
        Callable<WritableImage> snapshot = () -> scene.snapshot(null);
        return WaitForAsyncUtils.asyncFx(snapshot).get();
    }

    /** Writes an image to FOLDER/NAME.png; works off the FX thread. */
    static Path write(WritableImage image, Path folder, String name) throws IOException {
        Files.createDirectories(folder);
        Path file = folder.resolve(name + ".png");
        try {
            ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile());
        } catch (IOException e) {
            throw new IOException("cannot write " + file, e);
        }
        return file;
    }
}
