package org.convene;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.OffsetDateTime;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The package rules in DEVELOPERS.md, kept true by the build. */
@AnalyzeClasses(packages = "org.convene", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule vaadin_is_used_only_in_ui_and_security_code = noClasses()
            .that().resideOutsideOfPackages("..ui..", "org.convene.core.security..")
            .should().dependOnClassesThat().resideInAPackage("com.vaadin..")
            .because("features keep their logic independent of the UI framework");

    @ArchTest
    static final ArchRule views_do_not_touch_the_database = noClasses()
            .that().resideInAPackage("..ui..")
            .should().dependOnClassesThat().resideInAnyPackage("org.jooq..", "org.convene.db..")
            .because("views call services; only a feature's package-private queries use jOOQ");

    @ArchTest
    static final ArchRule only_views_and_layouts_depend_on_ui_code = noClasses()
            .that().resideOutsideOfPackage("..ui..")
            .should().dependOnClassesThat().resideInAPackage("..ui..")
            .because("services never reach up into views");

    @ArchTest
    static final ArchRule every_route_says_who_may_open_it = classes()
            .that().areAnnotatedWith(Route.class)
            .should().beAnnotatedWith(AnonymousAllowed.class)
            .orShould().beAnnotatedWith(PermitAll.class)
            .orShould().beAnnotatedWith(RolesAllowed.class)
            .orShould().beAnnotatedWith(DenyAll.class);

    @ArchTest
    static final ArchRule routes_live_in_ui_packages = classes()
            .that().areAnnotatedWith(Route.class)
            .should().resideInAPackage("..ui..");

    @ArchTest
    static final ArchRule repositories_are_package_private = classes()
            .that().areAnnotatedWith(Repository.class)
            .should().notBePublic()
            .because("a feature's data access is reached only through its public service");

    @ArchTest
    static final ArchRule time_comes_from_the_injected_clock = noClasses()
            .should().callMethod(Instant.class, "now")
            .orShould().callMethod(LocalDate.class, "now")
            .orShould().callMethod(LocalDateTime.class, "now")
            .orShould().callMethod(ZonedDateTime.class, "now")
            .orShould().callMethod(OffsetDateTime.class, "now")
            .because("tests move an injected Clock instead of waiting for time to pass");
}
