package com.campaignstudio.ui.common;

import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;

/**
 * Loads an FXML view with a controller the caller built (constructor injection from the composition
 * root), so that FXML never instantiates controllers by reflection with hidden dependencies.
 */
public final class Views {

    private Views() {
    }

    public static Parent load(String resource, Object controller, UiText text) {
        URL location = controller.getClass().getResource(resource);
        if (location == null) {
            throw new IllegalStateException("view not found: " + resource + " beside " + controller.getClass());
        }
        FXMLLoader loader = new FXMLLoader(location, text.bundle());
        loader.setControllerFactory(type -> {
            if (!type.isInstance(controller)) {
                throw new IllegalStateException(resource + " expects " + type + ", given " + controller.getClass());
            }
            return controller;
        });
        try {
            Parent view = loader.load();
            WholeText.keep(view);
            return view;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load view " + resource, e);
        }
    }

    /** Shows choices by {@code toText}; choice boxes are not typed into. */
    public static <T> javafx.util.StringConverter<T> converter(java.util.function.Function<T, String> toText) {
        return new javafx.util.StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : toText.apply(value);
            }

            @Override
            public T fromString(String label) {
                throw new UnsupportedOperationException("choices are not typed");
            }
        };
    }
}
