package com.campaignstudio.ui;

import atlantafx.base.theme.PrimerLight;
import com.campaignstudio.settings.AppDirectories;
import com.campaignstudio.settings.AppSettings;
import com.campaignstudio.settings.Language;
import com.campaignstudio.ui.common.FxBackgroundRunner;
import javafx.application.Application;
import javafx.stage.Stage;

import java.nio.file.Path;
import java.util.Optional;

/** Opens the main window for a UI test, with its own application folder and language. */
final class TestWindows {

    private TestWindows() {
    }

    static MainWindow show(Stage stage, Path home, Language language, boolean firstRun) throws Exception {
        System.setProperty("campaignstudio.home", home.toString());
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        AppSettings settings = AppSettings.load(AppDirectories.under(home).settingsFile());
        settings.setLanguage(Optional.of(language));
        MainWindow window = new MainWindow(stage, settings, AppDirectories.under(home), new FxBackgroundRunner(),
                firstRun);
        window.show();
        return window;
    }
}
