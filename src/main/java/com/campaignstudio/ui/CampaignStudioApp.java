package com.campaignstudio.ui;

import atlantafx.base.theme.PrimerLight;
import com.campaignstudio.bench.BenchCases;
import com.campaignstudio.bench.HeapPeak;
import com.campaignstudio.settings.AppDirectories;
import com.campaignstudio.settings.AppSettings;
import com.campaignstudio.ui.common.FxBackgroundRunner;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

import java.io.IOException;
import java.nio.file.Path;

/** The JavaFX application: reads the settings and opens the main window. */
public final class CampaignStudioApp extends Application {

    private FxBackgroundRunner runner;

    public static void launchApp(String[] args) {
        Application.launch(CampaignStudioApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        AppDirectories directories = AppDirectories.current();
        AppSettings settings = AppSettings.load(directories.settingsFile());
        boolean firstRun = settings.isFirstRun();
        try {
            settings.save();
        } catch (IOException e) {
            // Without a writable home folder the app still runs; recent projects are not remembered.
        }
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        runner = new FxBackgroundRunner();
        MainWindow window = new MainWindow(stage, settings, directories, runner, firstRun);
        if (Boolean.getBoolean(BenchCases.EXIT_AFTER_FIRST_WINDOW)) {
            stage.setOnShown(event -> Platform.runLater(() -> {
                System.out.println(BenchCases.FIRST_WINDOW_MARKER + " peak_heap_mb=" + HeapPeak.megabytes());
                Platform.exit();
            }));
            window.show();
            return;
        }
        window.show();
        window.offerRecovery();
        getParameters().getRaw().stream().findFirst().map(Path::of).ifPresent(file -> window.actions().open(file));
    }

    @Override
    public void stop() {
        if (runner != null) {
            runner.shutdown();
        }
    }
}
