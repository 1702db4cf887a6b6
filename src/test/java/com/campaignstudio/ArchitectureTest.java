package com.campaignstudio;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Domain, analysis and storage code knows nothing of JavaFX or of the views; the views sit on top. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.campaignstudio");

    @Test
    void onlyTheUiUsesJavaFx() {
        noClasses().that().resideOutsideOfPackage("com.campaignstudio.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "atlantafx..")
                .check(CLASSES);
    }

    @Test
    void onlyTheLauncherKnowsTheUi() {
        noClasses().that().resideOutsideOfPackage("com.campaignstudio.ui..")
                .and().doNotHaveFullyQualifiedName(Launcher.class.getName())
                .should().dependOnClassesThat().resideInAPackage("com.campaignstudio.ui..")
                .check(CLASSES);
    }

    @Test
    void domainCodeDoesNotDependOnTheCommandLine() {
        noClasses().that().resideOutsideOfPackage("com.campaignstudio.cli..")
                .and().doNotHaveFullyQualifiedName(Launcher.class.getName())
                .should().dependOnClassesThat().resideInAPackage("com.campaignstudio.cli..")
                .check(CLASSES);
    }
}
