package org.opendialer.speech;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The module's features depend on each other one way only, and it knows nothing of the service around it. */
@AnalyzeClasses(packages = "org.opendialer.speech", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule featuresFormNoCycle = slices().matching("org.opendialer.speech.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule noServiceOrSpring = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("org.opendialer.service..", "org.springframework..");
}
