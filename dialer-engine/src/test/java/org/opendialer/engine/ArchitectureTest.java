package org.opendialer.engine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Frameworks stay at the edges: the engine speaks its own words; Asterisk-Java lives in its adapter only. */
@AnalyzeClasses(packages = "org.opendialer.engine", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule asteriskJavaStaysInItsAdapter = noClasses().that().resideOutsideOfPackage("..engine.asterisk..")
            .should().dependOnClassesThat().resideInAPackage("org.asteriskjava..");

    @ArchTest
    static final ArchRule noSpringInTheEngine = noClasses().should().dependOnClassesThat().resideInAPackage("org.springframework..");

    @ArchTest
    static final ArchRule noFrameworkInTheEngine = noClasses().should().dependOnClassesThat().resideInAnyPackage(
            "jakarta..", "org.quartz..", "org.hibernate..", "com.fasterxml.jackson..", "java.sql..", "javax.sql..");

    @ArchTest
    static final ArchRule noDatabaseDriverOrPoolInTheEngine = noClasses().should().dependOnClassesThat().resideInAnyPackage(
            "com.mysql..", "org.mariadb..", "org.h2..", "com.zaxxer..", "org.flywaydb..", "ch.qos.logback..");

    /** Plain Java plus the few libraries the engine's own jobs need: AMI, statistics, YAML scenarios, a logging API. */
    @ArchTest
    static final ArchRule onlyTheLibrariesTheEngineNeeds = classes().should().onlyDependOnClassesThat().resideInAnyPackage(
            "java..", "org.opendialer.engine..", "org.asteriskjava..", "org.apache.commons.math3..", "org.snakeyaml.engine..",
            "org.slf4j..");

    @ArchTest
    static final ArchRule featuresFormNoCycle = slices().matching("org.opendialer.engine.(*)..").should().beFreeOfCycles();
}
