package com.campaignstudio.ui.help;

import com.campaignstudio.ui.common.Glossary;
import com.campaignstudio.ui.common.Term;
import com.campaignstudio.ui.common.UiText;
import com.campaignstudio.ui.shell.Section;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.List;

/** The guide: its pages listed on the left, the chosen page on the right. */
public final class GuideController {

    private static final List<String> VIEW_PARTS = List.of("question", "read", "next");

    private final UiText text;
    private final Glossary glossary;

    @FXML
    private ListView<GuidePage> pageList;
    @FXML
    private ScrollPane pageScroll;
    @FXML
    private VBox pageContent;

    public GuideController(UiText text) {
        this.text = text;
        this.glossary = new Glossary(text);
    }

    @FXML
    private void initialize() {
        pageList.getItems().setAll(GuidePage.values());
        pageList.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(GuidePage page, boolean empty) {
                super.updateItem(page, empty);
                setText(empty || page == null ? null : text.get(page.key("title")));
            }
        });
        pageList.getSelectionModel().selectedItemProperty().addListener((observable, old, page) -> {
            if (page != null) {
                render(page);
            }
        });
        pageList.getSelectionModel().selectFirst();
    }

    public void show(GuidePage page) {
        pageList.getSelectionModel().select(page);
    }

    private void render(GuidePage page) {
        List<Label> labels = new ArrayList<>();
        labels.add(styled(text.get(page.key("title")), "view-title"));
        if (page.explainsAView()) {
            for (String part : VIEW_PARTS) {
                labels.add(styled(text.get("guide.heading." + part), "section-title"));
                labels.add(body(text.get(page.key(part))));
            }
            if (!page.terms().isEmpty()) {
                labels.add(styled(text.get("guide.heading.terms"), "section-title"));
            }
        } else {
            labels.add(body(text.get(page.key("intro"))));
        }
        if (page == GuidePage.COMING) {
            for (Section section : Section.values()) {
                if (!section.isBuilt()) {
                    labels.add(styled(text.get(section.titleKey()), "section-title"));
                    labels.add(body(text.get(section.pendingKey())));
                }
            }
        }
        for (Term term : page.terms()) {
            labels.add(styled(glossary.line(term), "guide-term"));
        }
        pageContent.getChildren().setAll(labels);
        pageScroll.setVvalue(0);
    }

    private static Label body(String content) {
        return styled(content, "guide-text");
    }

    private static Label styled(String content, String styleClass) {
        Label label = new Label(content);
        label.setWrapText(true);
        label.getStyleClass().add(styleClass);
        return label;
    }
}
