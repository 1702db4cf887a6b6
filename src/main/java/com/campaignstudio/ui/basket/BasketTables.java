package com.campaignstudio.ui.basket;

import com.campaignstudio.basket.AssociationRule;
import com.campaignstudio.basket.BasketAnalysis;
import com.campaignstudio.basket.Baskets;
import com.campaignstudio.basket.ItemSimilarity;
import com.campaignstudio.ui.common.Glossary;
import com.campaignstudio.ui.common.NumberColumn;
import com.campaignstudio.ui.common.TableFit;
import com.campaignstudio.ui.common.Term;
import com.campaignstudio.ui.common.UiText;
import com.campaignstudio.ui.common.WholeText;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Background;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.paint.CycleMethod;
import javafx.scene.paint.LinearGradient;
import javafx.scene.paint.Stop;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The rules table, the map of how alike the products' buyers are (cosine over customers, one cell per pair of the
 * most bought products), and the table of the most alike pairs.
 */
final class BasketTables {

    /** The map shows at most this many products, the most bought; the table of pairs lists them all. */
    static final int MAP_PRODUCTS = 20;
    /** Pairs listed, most alike first. */
    static final int PAIRS_LISTED = 100;
    /** Columns of product names are never narrower than this. */
    private static final double NAME_MIN_WIDTH = 140;
    /** Room kept for a vertical scroll bar, so that the shared width never causes a horizontal one. */
    private static final double SCROLL_BAR_ROOM = 16;
    /** The map's cells grow with the window up to this width, so that they stay about square. */
    private static final double MAP_CELL_WIDTH = 72;
    /** Product names beside the map wrap at this width. */
    private static final double MAP_NAME_WIDTH = 220;

    /** A rule as the table shows it: the products by name, the "if" products joined by " + ". */
    record RuleRow(String antecedent, String consequent, double support, double confidence, double lift, long count,
                   long antecedentCount, long consequentCount) {
        static RuleRow of(Baskets baskets, AssociationRule rule) {
            return new RuleRow(Arrays.stream(rule.antecedent()).mapToObj(baskets::product)
                    .collect(Collectors.joining(" + ")), baskets.product(rule.consequent()), rule.support(),
                    rule.confidence(), rule.lift(), rule.count(), rule.antecedentCount(), rule.consequentCount());
        }
    }

    /** Two products whose buyers are alike. */
    record PairRow(String product, String other, long both, long buyers, long otherBuyers, double cosine) {
        static PairRow of(Baskets baskets, ItemSimilarity.Pair pair) {
            return new PairRow(baskets.product(pair.first()), baskets.product(pair.second()), pair.both(),
                    pair.firstBuyers(), pair.secondBuyers(), pair.cosine());
        }
    }

    private final UiText text;
    private final Glossary glossary;

    BasketTables(UiText text, Glossary glossary) {
        this.text = text;
        this.glossary = glossary;
    }

    void build(TableView<RuleRow> rules, TableView<PairRow> pairs) {
        TableColumn<RuleRow, String> antecedent = wrapped("basket.col.if", RuleRow::antecedent);
        TableColumn<RuleRow, String> consequent = wrapped("basket.col.then", RuleRow::consequent);
        rules.getColumns().add(antecedent);
        rules.getColumns().add(consequent);
        rules.getColumns().add(number("basket.col.support", RuleRow::support, this::share));
        glossary.attach(rules.getColumns().getLast(), Term.SUPPORT);
        rules.getColumns().add(number("basket.col.confidence", RuleRow::confidence, this::share));
        glossary.attach(rules.getColumns().getLast(), Term.CONFIDENCE);
        rules.getColumns().add(number("basket.col.lift", RuleRow::lift, this::ratio));
        glossary.attach(rules.getColumns().getLast(), Term.RULE_LIFT);
        rules.getColumns().add(number("basket.col.both", RuleRow::count, this::integer));
        rules.getColumns().add(number("basket.col.withIf", RuleRow::antecedentCount, this::integer));
        rules.getColumns().add(number("basket.col.withThen", RuleRow::consequentCount, this::integer));
        rules.setPlaceholder(placeholder("basket.rules.empty"));
        TableFit.columnsToContent(rules);
        shareTheRest(rules, List.of(antecedent, consequent), new double[]{0.6, 0.4});

        TableColumn<PairRow, String> product = wrapped("basket.col.product", PairRow::product);
        TableColumn<PairRow, String> other = wrapped("basket.col.other", PairRow::other);
        pairs.getColumns().add(product);
        pairs.getColumns().add(other);
        pairs.getColumns().add(number("basket.col.customersBoth", PairRow::both, this::integer));
        pairs.getColumns().add(number("basket.col.buyers", PairRow::buyers, this::integer));
        pairs.getColumns().add(number("basket.col.otherBuyers", PairRow::otherBuyers, this::integer));
        pairs.getColumns().add(number("basket.col.cosine", PairRow::cosine, this::cosineExact));
        glossary.attach(pairs.getColumns().getLast(), Term.COSINE);
        pairs.setPlaceholder(placeholder("basket.pairs.empty"));
        TableFit.columnsToContent(pairs);
        shareTheRest(pairs, List.of(product, other), new double[]{0.5, 0.5});
    }

    /**
     * Product names can be long (a course's full title): their columns share the width the number columns leave, in
     * {@code shares}, and their names wrap, so that the figures stay in view beside them.
     */
    private static <T> void shareTheRest(TableView<T> table, List<TableColumn<T, String>> names, double[] shares) {
        List<TableColumn<T, ?>> others = table.getColumns().stream().filter(column -> !names.contains(column)).toList();
        List<javafx.beans.Observable> dependencies = new ArrayList<>(List.of(table.widthProperty()));
        others.forEach(column -> dependencies.add(column.widthProperty()));
        for (int i = 0; i < names.size(); i++) {
            double share = shares[i];
            names.get(i).prefWidthProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(() -> Math.max(
                    NAME_MIN_WIDTH, share * (table.getWidth() - table.snappedLeftInset() - table.snappedRightInset()
                            - SCROLL_BAR_ROOM - others.stream().mapToDouble(TableColumn::getWidth).sum())),
                    dependencies.toArray(javafx.beans.Observable[]::new)));
        }
    }

    /** A column of names that wrap within its width. */
    private <T> TableColumn<T, String> wrapped(String key, Function<T, String> value) {
        TableColumn<T, String> column = column(key, value);
        column.setMinWidth(NAME_MIN_WIDTH);
        column.setCellFactory(c -> new javafx.scene.control.TableCell<>() {
            private final javafx.scene.text.Text shown = new javafx.scene.text.Text();

            {
                // Less the cell's padding and a little room, so that no line ends at the edge.
                shown.wrappingWidthProperty().bind(c.widthProperty().subtract(20));
                shown.getStyleClass().add("wrapped-cell-text");
                setContentDisplay(javafx.scene.control.ContentDisplay.GRAPHIC_ONLY);
            }

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                shown.setText(empty ? null : item);
                setGraphic(empty ? null : shown);
            }
        });
        return column;
    }

    void clear(TableView<RuleRow> rules, GridPane map, TableView<PairRow> pairs) {
        rules.getItems().clear();
        map.getChildren().clear();
        pairs.getItems().clear();
    }

    void show(BasketAnalysis analysis, TableView<RuleRow> rules, GridPane map, TableView<PairRow> pairs, Label note) {
        Baskets baskets = analysis.baskets();
        rules.getSortOrder().clear();
        rules.getItems().setAll(analysis.rules().stream().map(rule -> RuleRow.of(baskets, rule)).toList());
        Baskets customers = analysis.customers();
        double minSupport = analysis.settings().thresholds().minSupport();
        pairs.getItems().setAll(analysis.similarity().mostSimilar(PAIRS_LISTED, minSupport).stream()
                .map(pair -> PairRow.of(customers, pair)).toList());
        int[] shown = mostBought(analysis.similarity(), customers.productCount());
        note.setText(text.get(shown.length < customers.productCount() ? "basket.similar.noteTop" : "basket.similar.note",
                text.integer(analysis.similarity().customers()), shown.length, customers.productCount()));
        showMap(analysis.similarity(), customers, shown, map);
    }

    /** The indexes of the most bought products, at most {@link #MAP_PRODUCTS}, most bought first. */
    static int[] mostBought(ItemSimilarity similarity, int products) {
        return IntStream.range(0, products).boxed()
                .sorted(Comparator.comparingLong(similarity::buyers).reversed().thenComparingInt(p -> p))
                .limit(MAP_PRODUCTS).mapToInt(Integer::intValue).toArray();
    }

    /**
     * One row per product (numbered, with its name), one column per product (by number), each cell the cosine of
     * the two products' buyers, darker where they are more alike; the tooltip gives the counts.
     */
    private void showMap(ItemSimilarity similarity, Baskets customers, int[] shown, GridPane map) {
        map.getChildren().clear();
        double highest = 0;
        for (int a : shown) {
            for (int b : shown) {
                if (a != b) {
                    highest = Math.max(highest, similarity.cosine(a, b));
                }
            }
        }
        for (int c = 0; c < shown.length; c++) {
            Label number = new Label(Integer.toString(c + 1));
            number.getStyleClass().add("similarity-header");
            GridPane.setHalignment(number, HPos.CENTER);
            map.add(number, c + 1, 0);
        }
        for (int r = 0; r < shown.length; r++) {
            int a = shown[r];
            Label name = new Label((r + 1) + "  " + customers.product(a));
            name.getStyleClass().add("similarity-header");
            name.setWrapText(true);
            name.setMaxWidth(MAP_NAME_WIDTH);
            map.add(name, 0, r + 1);
            for (int c = 0; c < shown.length; c++) {
                int b = shown[c];
                Label cell = new Label();
                cell.getStyleClass().add("similarity-cell");
                cell.setMaxSize(MAP_CELL_WIDTH, Double.MAX_VALUE);
                cell.setMinWidth(Region.USE_PREF_SIZE);
                GridPane.setHgrow(cell, Priority.SOMETIMES);
                if (a == b) {
                    cell.setText("\u2013");
                    cell.getStyleClass().add("same-product");
                    cell.setTooltip(new Tooltip(text.get("basket.map.same", customers.product(a),
                            text.integer(similarity.buyers(a)))));
                } else {
                    double cosine = similarity.cosine(a, b);
                    cell.setText(cosine(cosine));
                    Color fill = colour(highest == 0 ? 0 : cosine / highest);
                    cell.setBackground(Background.fill(fill));
                    cell.setTextFill(fill.getBrightness() < 0.6 ? Color.WHITE : Color.BLACK);
                    cell.setTooltip(new Tooltip(text.get("basket.map.tip", customers.product(a), customers.product(b),
                            text.integer(similarity.both(a, b)), cosine(cosine))));
                }
                cell.setAlignment(Pos.CENTER);
                map.add(cell, c + 1, r + 1);
            }
        }
        VBox legend = legend(highest);
        GridPane.setMargin(legend, new Insets(0, 0, 0, 16));
        map.add(legend, shown.length + 1, 1, 1, Math.max(1, shown.length));
        WholeText.keep(map);
    }

    private VBox legend(double highest) {
        List<Stop> stops = new ArrayList<>();
        for (int i = 0; i <= 10; i++) {
            stops.add(new Stop(i / 10.0, colour(1 - i / 10.0)));
        }
        Region bar = new Region();
        bar.setBackground(Background.fill(new LinearGradient(0, 0, 0, 1, true, CycleMethod.NO_CYCLE, stops)));
        bar.setPrefWidth(18);
        bar.setMaxWidth(18);
        bar.setMinHeight(60);
        VBox.setVgrow(bar, Priority.ALWAYS);
        VBox legend = new VBox(4, new Label(text.get("basket.map.legend")), new Label(cosine(highest)), bar,
                new Label(cosine(0)));
        legend.setAlignment(Pos.TOP_CENTER);
        return legend;
    }

    /** From pale (unlike) to the view's deep orange (most alike of those shown). */
    private static Color colour(double share) {
        return Color.web("#fff4e6").interpolate(Color.web("#c2410c"), Math.max(0, Math.min(1, share)));
    }

    private Label placeholder(String key) {
        Label placeholder = new Label(text.get(key));
        placeholder.setWrapText(true);
        placeholder.getStyleClass().add("hint");
        return placeholder;
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

    String share(Number value) {
        return text.percent(value.doubleValue());
    }

    String ratio(Number value) {
        return String.format(text.locale(), "%.2f", value.doubleValue());
    }

    String cosine(Number value) {
        return String.format(text.locale(), "%.2f", value.doubleValue());
    }

    String cosineExact(Number value) {
        return String.format(text.locale(), "%.3f", value.doubleValue());
    }

    String integer(Number value) {
        return text.integer(value.longValue());
    }
}
