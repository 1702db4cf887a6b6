package com.campaignstudio.ui.basket;

import com.campaignstudio.basket.Audience;
import com.campaignstudio.basket.BasketAnalysis;
import com.campaignstudio.basket.BasketException;
import com.campaignstudio.basket.Baskets;
import com.campaignstudio.basket.Pitch;
import com.campaignstudio.basket.PitchExport;
import com.campaignstudio.project.ProjectDatabase;
import com.campaignstudio.segments.SegmentStore;
import com.campaignstudio.ui.common.Dialogs;
import com.campaignstudio.ui.common.ExportMenu;
import com.campaignstudio.ui.common.Glossary;
import com.campaignstudio.ui.common.NumberColumn;
import com.campaignstudio.ui.common.TableFit;
import com.campaignstudio.ui.common.Term;
import com.campaignstudio.ui.common.UiText;
import com.campaignstudio.ui.common.Views;
import com.campaignstudio.ui.segments.DefaultNames;
import com.campaignstudio.ui.shell.FileQuestions;
import com.campaignstudio.work.BackgroundRunner;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The next product to pitch: to one customer (by the reference the project stores), to the buyers of a product or
 * to the members of a saved segment; scored by the best rule from what they bought (confidence) or by the most alike
 * product they bought (cosine). One customer gets their suggestions, a group the products suggested most often; the
 * audience list (a row per customer and suggestion) is exported as CSV.
 */
public final class PitchController {

    /** A saved segment to pitch to: its segmentation, its number as the segment command counts (1 = first). */
    record SegmentOption(long segmentation, int number, String segmentationName, String segmentName) {
    }

    /** A suggestion to one customer, as the table shows it. */
    record SuggestionRow(int rank, String product, double score, String because, long evidence) {
    }

    /** A product suggested across the audience, as the table shows it. */
    record TallyRow(String product, long first, long suggested, double meanScore) {
    }

    private final ProjectDatabase database;
    private final BackgroundRunner runner;
    private final UiText text;
    private final BasketResults results;
    private final Glossary glossary;
    private final ExportMenu exports;
    private final FileQuestions files;
    private final DefaultNames names;
    private final ChangeListener<BasketAnalysis> analysisListener = (observable, old, analysis) -> offer(analysis);
    private final ChangeListener<BasketResults.Pitched> pitchedListener = (observable, old, pitched) -> show(pitched);

    @FXML
    private ComboBox<BasketResults.AudienceKind> audienceChoice;
    @FXML
    private TextField customerField;
    @FXML
    private ComboBox<String> productChoice;
    @FXML
    private ComboBox<SegmentOption> segmentChoice;
    @FXML
    private Label scoreLabel;
    @FXML
    private ComboBox<Pitch.Score> scoreChoice;
    @FXML
    private Spinner<Integer> perCustomerSpinner;
    @FXML
    private Button pitchButton;
    @FXML
    private Button exportButton;
    @FXML
    private Label problemLabel;
    @FXML
    private Label pitchSummary;
    @FXML
    private Label exportNote;
    @FXML
    private TableView<SuggestionRow> suggestionTable;
    @FXML
    private TableView<TallyRow> tallyTable;

    PitchController(ProjectDatabase database, BackgroundRunner runner, UiText text, BasketResults results,
                    Glossary glossary, ExportMenu exports, FileQuestions files) {
        this.database = database;
        this.runner = runner;
        this.text = text;
        this.results = results;
        this.glossary = glossary;
        this.exports = exports;
        this.files = files;
        this.names = new DefaultNames(text);
    }

    @FXML
    private void initialize() {
        audienceChoice.getItems().setAll(BasketResults.AudienceKind.values());
        audienceChoice.setConverter(Views.converter(kind -> text.get("basket.pitch.to." + kind.name())));
        audienceChoice.valueProperty().addListener((observable, old, kind) -> showTargetChoice(kind));
        audienceChoice.setValue(BasketResults.AudienceKind.PRODUCT_BUYERS);
        productChoice.setPromptText(text.get("basket.pitch.product.prompt"));
        segmentChoice.setConverter(Views.converter(option -> names.segmentation(option.segmentationName()) + " \u00b7 "
                + names.segment(option.segmentName())));
        segmentChoice.setPromptText(text.get("basket.pitch.segment.prompt"));
        scoreChoice.getItems().setAll(Pitch.Score.values());
        scoreChoice.setConverter(Views.converter(score -> text.get("basket.pitch.score." + score.key())));
        scoreChoice.setValue(Pitch.Score.CONFIDENCE);
        perCustomerSpinner.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(1, 10, 3));
        glossary.attach(scoreLabel, Term.PITCH_SCORE, Term.CONFIDENCE, Term.COSINE);
        buildTables();
        for (Label note : List.of(problemLabel, exportNote)) {
            note.managedProperty().bind(note.textProperty().isNotEmpty());
        }
        exports.install(suggestionTable, text.get("basket.pitch.suggestions"));
        exports.install(tallyTable, text.get("basket.pitch.tally"));
        results.analysisProperty().addListener(new WeakChangeListener<>(analysisListener));
        results.pitchedProperty().addListener(new WeakChangeListener<>(pitchedListener));
        offer(results.analysis().orElse(null));
        show(results.pitched().orElse(null));
        loadSegments();
    }

    private void buildTables() {
        suggestionTable.getColumns().add(number("basket.pitch.col.rank", SuggestionRow::rank, this::integer));
        suggestionTable.getColumns().add(column("basket.pitch.col.product", SuggestionRow::product));
        suggestionTable.getColumns().add(number("basket.pitch.col.score", SuggestionRow::score, this::score));
        glossary.attach(suggestionTable.getColumns().getLast(), Term.PITCH_SCORE);
        suggestionTable.getColumns().add(column("basket.pitch.col.because", SuggestionRow::because));
        suggestionTable.getColumns().add(number("basket.pitch.col.evidence", SuggestionRow::evidence, this::integer));
        tallyTable.getColumns().add(column("basket.pitch.col.product", TallyRow::product));
        tallyTable.getColumns().add(number("basket.pitch.col.first", TallyRow::first, this::integer));
        tallyTable.getColumns().add(number("basket.pitch.col.suggested", TallyRow::suggested, this::integer));
        tallyTable.getColumns().add(number("basket.pitch.col.meanScore", TallyRow::meanScore, this::score));
        glossary.attach(tallyTable.getColumns().getLast(), Term.PITCH_SCORE);
        for (TableView<?> table : List.of(suggestionTable, tallyTable)) {
            Label placeholder = new Label(text.get("basket.pitch.empty"));
            placeholder.setWrapText(true);
            placeholder.getStyleClass().add("hint");
            table.setPlaceholder(placeholder);
            TableFit.columnsToContent(table);
            TableFit.heightToRows(table, 15);
        }
    }

    /** The products of a run to choose from; no pitch before a run. */
    private void offer(BasketAnalysis analysis) {
        pitchButton.setDisable(analysis == null);
        String chosen = productChoice.getValue();
        productChoice.getItems().setAll(analysis == null ? List.of()
                : analysis.customers().products().stream().sorted(String.CASE_INSENSITIVE_ORDER).toList());
        if (chosen != null && productChoice.getItems().contains(chosen)) {
            productChoice.setValue(chosen);
        } else if (!productChoice.getItems().isEmpty()) {
            productChoice.setValue(productChoice.getItems().getFirst());
        }
        if (analysis == null) {
            pitchSummary.setText(text.get("basket.pitch.needsRun"));
        }
    }

    private void showTargetChoice(BasketResults.AudienceKind kind) {
        for (var control : List.of(customerField, productChoice, segmentChoice)) {
            boolean shown = control == (kind == BasketResults.AudienceKind.CUSTOMER ? customerField
                    : kind == BasketResults.AudienceKind.PRODUCT_BUYERS ? productChoice : segmentChoice);
            control.setVisible(shown);
            control.setManaged(shown);
        }
    }

    private void loadSegments() {
        runner.run(text.get("segments.loadingSaved"), context -> {
            SegmentStore store = new SegmentStore(database);
            List<SegmentOption> options = new ArrayList<>();
            for (SegmentStore.Summary summary : store.list()) {
                store.profiles(summary.id()).forEach(profile -> options.add(new SegmentOption(summary.id(),
                        profile.number() + 1, summary.name(), profile.name())));
            }
            return options;
        }, options -> {
            segmentChoice.getItems().setAll(options);
            if (!options.isEmpty()) {
                segmentChoice.setValue(options.getFirst());
            }
        }, this::failed);
    }

    @FXML
    private void pitch() {
        BasketAnalysis analysis = results.analysis().orElse(null);
        BasketResults.AudienceKind kind = audienceChoice.getValue();
        if (analysis == null || kind == null) {
            return;
        }
        String customer = customerField.getText() == null ? "" : customerField.getText().strip();
        String product = productChoice.getValue();
        SegmentOption segment = segmentChoice.getValue();
        String missing = switch (kind) {
            case CUSTOMER -> customer.isEmpty() ? "basket.pitch.customer.missing" : null;
            case PRODUCT_BUYERS -> product == null ? "basket.pitch.product.prompt" : null;
            case SEGMENT -> segment == null ? "basket.pitch.segment.none" : null;
        };
        if (missing != null) {
            problemLabel.setText(text.get(missing));
            return;
        }
        Pitch.Score score = scoreChoice.getValue();
        int perCustomer = perCustomerSpinner.getValue();
        pitchButton.setDisable(true);
        runner.run(text.get("basket.pitch.running"), context -> {
            Baskets customers = analysis.customers();
            Pitch pitch = analysis.pitch(score);
            Audience audience = switch (kind) {
                case CUSTOMER -> Audience.customer(customers, customer);
                case PRODUCT_BUYERS -> Audience.buyersOf(customers, product);
                case SEGMENT -> Audience.segment(database, customers, segment.segmentation(), segment.number());
            };
            List<Pitch.Suggestion> suggestions = pitch.suggest(audience.customers(), perCustomer, context);
            return new BasketResults.Pitched(kind, kind == BasketResults.AudienceKind.CUSTOMER ? customer : product,
                    segment == null ? null : segment.segmentationName(), segment == null ? null : segment.segmentName(),
                    audience, pitch, suggestions, pitch.tally(suggestions));
        }, pitched -> {
            pitchButton.setDisable(false);
            problemLabel.setText("");
            exportNote.setText("");
            results.show(pitched);
        }, failure -> {
            pitchButton.setDisable(false);
            failed(failure);
        });
    }

    private void show(BasketResults.Pitched pitched) {
        boolean single = pitched != null && pitched.kind() == BasketResults.AudienceKind.CUSTOMER;
        suggestionTable.setVisible(single);
        suggestionTable.setManaged(single);
        tallyTable.setVisible(!single);
        tallyTable.setManaged(!single);
        exportButton.setDisable(pitched == null || pitched.suggestions().isEmpty());
        if (pitched == null) {
            suggestionTable.getItems().clear();
            tallyTable.getItems().clear();
            if (results.analysis().isPresent()) {
                pitchSummary.setText(text.get("basket.pitch.howTo"));
            }
            return;
        }
        BasketAnalysis analysis = results.analysis().orElseThrow();
        Baskets customers = analysis.customers();
        String scoredBy = text.get("basket.pitch.scoredBy." + pitched.pitch().score().key(),
                text.get("basket.unit." + analysis.baskets().unit().key()));
        int size = pitched.audience().customers().length;
        long withSuggestion = pitched.suggestions().stream().filter(s -> s.rank() == 1).count();
        String summary = switch (pitched.kind()) {
            case CUSTOMER -> {
                int basket = pitched.audience().customers()[0];
                String bought = String.join(text.get("basket.list.separator"), java.util.Arrays.stream(
                        customers.items(basket)).mapToObj(customers::product).toList());
                yield text.get("basket.pitch.summary.customer", customers.ref(basket), bought, scoredBy);
            }
            case PRODUCT_BUYERS -> text.get("basket.pitch.summary.product", pitched.target(), text.integer(size),
                    text.integer(withSuggestion), text.integer(size - withSuggestion), scoredBy);
            case SEGMENT -> text.get("basket.pitch.summary.segment", names.segmentation(pitched.segmentation()),
                    names.segment(pitched.segment()), text.integer(size), text.integer(withSuggestion),
                    text.integer(size - withSuggestion), scoredBy)
                    + (pitched.audience().membersWithoutPurchases() > 0 ? " " + text.get(
                    "basket.pitch.summary.withoutPurchases", text.integer(pitched.audience().membersWithoutPurchases()))
                    : "");
        };
        if (pitched.suggestions().isEmpty()) {
            summary += "\n" + text.get("basket.pitch.none." + pitched.pitch().score().key());
        }
        pitchSummary.setText(summary);
        suggestionTable.getItems().setAll(single ? pitched.suggestions().stream().map(s -> new SuggestionRow(s.rank(),
                customers.product(s.product()), s.score(), PitchExport.because(customers, s), s.evidence())).toList()
                : List.of());
        tallyTable.getItems().setAll(pitched.tallies().stream().map(t -> new TallyRow(customers.product(t.product()),
                t.first(), t.suggested(), t.meanScore())).toList());
    }

    /** Writes the audience list (customer, suggested product, score, rank, because) where the user says. */
    @FXML
    private void export() {
        BasketResults.Pitched pitched = results.pitched().orElse(null);
        BasketAnalysis analysis = results.analysis().orElse(null);
        if (pitched == null || analysis == null) {
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle(text.get("basket.pitch.export.title"));
        chooser.setInitialFileName("audience-next-product.csv");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
        File target = files.ask(chooser, FileQuestions.Kind.SAVE, window());
        if (target == null) {
            return;
        }
        runner.run(text.get("basket.pitch.exporting"), context -> PitchExport.write(analysis.customers(),
                pitched.suggestions(), target.toPath()), rows -> exportNote.setText(text.get("basket.pitch.exported",
                text.integer(rows), target.toString())), this::failed);
    }

    private void failed(Throwable failure) {
        if (failure instanceof BasketException problem) {
            problemLabel.setText(problem.reason().in(text.bundle()));
        } else {
            new Dialogs(text, window()).unexpected(failure);
        }
    }

    private <T> TableColumn<T, String> column(String key, Function<T, String> value) {
        TableColumn<T, String> column = new TableColumn<>(text.get(key));
        column.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(value.apply(row.getValue())));
        return column;
    }

    private <T> TableColumn<T, Number> number(String key, Function<T, Number> value, Function<Number, String> shown) {
        TableColumn<T, Number> column = NumberColumn.of(text.get(key), value, shown);
        column.getStyleClass().add("number");
        return column;
    }

    private String integer(Number value) {
        return text.integer(value.longValue());
    }

    private String score(Number value) {
        return String.format(text.locale(), "%.3f", value.doubleValue());
    }

    private Window window() {
        return pitchButton.getScene() == null ? null : pitchButton.getScene().getWindow();
    }
}
