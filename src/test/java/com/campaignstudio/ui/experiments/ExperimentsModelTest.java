package com.campaignstudio.ui.experiments;

import com.campaignstudio.experiments.ExperimentSetup;
import com.campaignstudio.experiments.ExperimentStore;
import com.campaignstudio.experiments.SampleSize;
import com.campaignstudio.experiments.Variant;
import com.campaignstudio.text.Reason;
import com.campaignstudio.ui.common.UiText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the Experiments view's model reads from typed text, without a toolkit. */
class ExperimentsModelTest {

    private static final ResourceBundle ENGLISH = new UiText(Locale.ENGLISH).bundle();
    private static final ResourceBundle CHINESE = new UiText(Locale.SIMPLIFIED_CHINESE).bundle();

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            1200      | 1200
            1,200     | 1200
            ' 1 200 ' | 1200
            1，200     | 1200
            0         | 0
            """)
    void wholeNumbersMayGroupTheirDigits(String typed, long read) throws Exception {
        ExperimentsModel model = new ExperimentsModel();
        model.variants().getFirst().visitorsProperty().set(typed);
        model.variants().getFirst().conversionsProperty().set("0");
        model.variants().get(1).visitorsProperty().set("10");
        model.variants().get(1).conversionsProperty().set("1");
        if (read == 0) {
            ExperimentsModel.InputProblem problem = assertThrows(ExperimentsModel.InputProblem.class, model::setup);
            assertEquals("Variant \u201cA\u201d has no visitors: a conversion rate needs at least one. Leave the "
                    + "variant out until people have seen it.", problem.in(ENGLISH), "the domain's own reason");
        } else {
            assertEquals(read, model.setup().variants().getFirst().visitors());
        }
    }

    @Test
    void theTypedVariantsSplitAndMinimumLiftAreTheSetup() throws Exception {
        ExperimentsModel model = new ExperimentsModel();
        fill(model.variants().get(0), "Old price", "1000", "100", "1");
        fill(model.variants().get(1), "New price", "1,000", "130", "2");
        model.minLiftProperty().set("1.5");
        assertEquals(new ExperimentSetup(List.of(new Variant("Old price", 1000, 100), new Variant("New price", 1000, 130)),
                List.of(1.0, 2.0), Optional.of(0.015), 1), model.setup());
    }

    @Test
    void aFieldThatIsNotANumberIsNamedInTheUsersLanguage() {
        ExperimentsModel model = new ExperimentsModel();
        fill(model.variants().get(0), "A", "1000", "ten", "1");
        fill(model.variants().get(1), "B", "1000", "12", "1");
        ExperimentsModel.InputProblem problem = assertThrows(ExperimentsModel.InputProblem.class, model::setup);
        assertEquals("The conversions of \u201cA\u201d: \u201cten\u201d is not a whole number. Type digits only, such "
                + "as 1200.", problem.in(ENGLISH));
        assertEquals("\u201cA\u201d的转化数：\u201cten\u201d不是整数。请只填数字，例如 1200。", problem.in(CHINESE));
    }

    @Test
    void aShareOfTheSplitMustBeAboveZero() {
        ExperimentsModel model = new ExperimentsModel();
        fill(model.variants().get(0), "A", "1000", "10", "0");
        fill(model.variants().get(1), "B", "1000", "12", "1");
        ExperimentsModel.InputProblem problem = assertThrows(ExperimentsModel.InputProblem.class, model::setup);
        assertEquals("The split share of \u201cA\u201d must be above 0 (typed: \u201c0\u201d).", problem.in(ENGLISH));
    }

    @Test
    void percentagesAndPointsAreReadAsShares() throws Exception {
        ExperimentsModel model = new ExperimentsModel();
        model.baselineProperty().set("5%");
        model.liftProperty().set("0.5");
        model.liftKindProperty().set(SampleSize.LiftKind.ABSOLUTE);
        model.powerProperty().set("80");
        model.alphaProperty().set("5");
        model.dailyTrafficProperty().set("2,000");
        SampleSize.Plan plan = model.plan();
        assertEquals(new SampleSize.Inputs(0.05, 0.005, SampleSize.LiftKind.ABSOLUTE, 0.8, 0.05, 2), plan.inputs());
        assertEquals(SampleSize.plan(plan.inputs(), 2000, false), plan);
    }

    @Test
    void aSavedExperimentFillsTheVariantsAndKeepsItsSeed() throws Exception {
        ExperimentsModel model = new ExperimentsModel();
        ExperimentSetup saved = new ExperimentSetup(List.of(new Variant("A", 900, 90), new Variant("B", 1100, 99),
                new Variant("C", 1000, 120)), List.of(0.45, 0.55, 0.5), Optional.of(0.02), 7);
        model.load(new ExperimentStore.Saved(3, "Landing page", LocalDateTime.now(), saved));
        assertEquals(3, model.variants().size());
        assertEquals("0.55", model.variants().get(1).shareProperty().get());
        assertEquals("2", model.minLiftProperty().get());
        assertEquals("Landing page", model.savedNameProperty().get());
        assertEquals(saved, model.setup(), "read back as it was saved, seed included");
    }

    @Test
    void addedVariantsTakeTheNextFreeLetterAndTwoAlwaysStay() {
        ExperimentsModel model = new ExperimentsModel();
        model.variants().get(1).nameProperty().set("C");
        assertEquals("B", model.addVariant().nameProperty().get());
        assertEquals("D", model.addVariant().nameProperty().get());
        model.removeVariant(model.variants().get(0));
        model.removeVariant(model.variants().get(0));
        model.removeVariant(model.variants().get(0));
        assertEquals(2, model.variants().size());
        assertTrue(model.variants().stream().allMatch(row -> row.shareProperty().get().equals("1")));
    }

    @Test
    void countsFromTheProjectReplaceTheVariantsWithTheVisitorsAsTheSplitAndTheirNotes() throws Exception {
        ExperimentsModel model = new ExperimentsModel();
        model.addVariant();
        model.savedNameProperty().set("Old test");
        Reason counted = Reason.of("experiment.project.note.campaigns");
        model.fill(List.of(new Variant("Spring ads", 150, 7), new Variant("Summer ads", 80, 8)), List.of(counted));
        assertEquals(new ExperimentSetup(List.of(new Variant("Spring ads", 150, 7), new Variant("Summer ads", 80, 8)),
                List.of(150.0, 80.0), Optional.empty(), 1), model.setup(), "two rows, split as counted");
        assertEquals(List.of(counted, Reason.of("experiments.fill.splitNote")), List.copyOf(model.fillNotes()));
        assertEquals("", model.savedNameProperty().get(), "the saved name was of other counts");
        model.variants().get(1).nameProperty().set("Summer");
        assertEquals(2, model.fillNotes().size(), "a new name leaves the counts as counted");
        model.variants().get(1).conversionsProperty().set("9");
        assertTrue(model.fillNotes().isEmpty(), "a count changed by hand is no longer the one counted");
        model.fill(List.of(new Variant("Spring ads", 150, 7), new Variant("Summer ads", 80, 8)), List.of(counted));
        model.clear();
        assertTrue(model.fillNotes().isEmpty(), "typed counts have no notes");
    }

    private static void fill(ExperimentsModel.VariantRow row, String name, String visitors, String conversions,
                             String share) {
        row.nameProperty().set(name);
        row.visitorsProperty().set(visitors);
        row.conversionsProperty().set(conversions);
        row.shareProperty().set(share);
    }
}
