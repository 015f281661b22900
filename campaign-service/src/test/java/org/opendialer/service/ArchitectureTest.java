package org.opendialer.service;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The service's features depend on each other one way only: a feature that needs another's work later
 * (a scheduled start, a callback firing, a call still up after a restart) owns a port the other implements.
 */
@AnalyzeClasses(packages = "org.opendialer.service", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule featuresFormNoCycle = slices().matching("org.opendialer.service.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule onlyTheCommandLineStartsTheApplication = noClasses()
            .that().resideOutsideOfPackage("org.opendialer.service.cli..")
            .should().dependOnClassesThat().resideInAPackage("org.opendialer.service.cli..");

    /** Attempts sit low: security, leads, dispositions, the runner and the reports ask them, they ask nobody. */
    @ArchTest
    static final ArchRule attemptsDependOnNoOtherFeature = classes()
            .that().resideInAPackage("org.opendialer.service.attempt..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("org.opendialer.service.attempt..", "java..",
                    "org.opendialer.engine..", "org.springframework..", "org.slf4j..", "io.micrometer..");

    @ArchTest
    static final ArchRule accountsKnowNoOtherFeature = noClasses()
            .that().resideInAPackage("org.opendialer.service.user..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.opendialer.service.agent..", "org.opendialer.service.security..", "org.opendialer.service.dialing..",
                    "org.opendialer.service.campaign..", "org.opendialer.service.lead..");
}
