package org.convene;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.jooq.DSLContext;
import org.jspecify.annotations.NullMarked;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.OffsetDateTime;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

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

    // test code is not imported here (DoNotIncludeTests), so test fixtures may still write rows directly
    @ArchTest
    static final ArchRule only_repositories_hold_a_dsl_context = noClasses()
            .that().areNotAnnotatedWith(Repository.class)
            .should().dependOnClassesThat().areAssignableTo(DSLContext.class)
            .because("SQL lives in a module's @Repository classes, not in its services");

    @ArchTest
    static final ArchRule time_comes_from_the_injected_clock = noClasses()
            .should().callMethod(Instant.class, "now")
            .orShould().callMethod(LocalDate.class, "now")
            .orShould().callMethod(LocalDateTime.class, "now")
            .orShould().callMethod(ZonedDateTime.class, "now")
            .orShould().callMethod(OffsetDateTime.class, "now")
            .because("tests move an injected Clock instead of waiting for time to pass");

    @ArchTest
    static final ArchRule feature_modules_do_not_depend_on_each_other_in_a_circle = slices()
            .matching("org.convene.(*)..")
            .should().beFreeOfCycles()
            // the generated jOOQ classes name the modules' enums of their columns (forced types); they are
            // shared infrastructure, not a module, so a module reading a table does not close a circle
            .ignoreDependency(resideInAPackage("org.convene.db.."), DescribedPredicate.alwaysTrue())
            .because("each feature can then be read, changed and tested from the features below it "
                    + "(docs/architecture.md has the map)");

    @ArchTest
    static final ArchRule core_depends_on_no_feature = noClasses()
            .that().resideInAPackage("org.convene.core..")
            .should().dependOnClassesThat().resideInAnyPackage("org.convene.account..", "org.convene.programme..",
                    "org.convene.timetable..", "org.convene.agenda..", "org.convene.recordings..",
                    "org.convene.organising..", "org.convene.exchange..", "org.convene.qa..",
                    "org.convene.attendance..", "org.convene.demo..", "org.convene.reminders..", "org.convene.materials..",
                    "org.convene.access..", "org.convene.accesshelp..", "org.convene.polls..", "org.convene.captions..",
                    "org.convene.certificates..")
            .because("core is what every feature shares");

    @ArchTest
    static final ArchRule access_uses_only_what_it_builds_on = noClasses()
            .that().resideInAPackage("org.convene.access..")
            .should().dependOnClassesThat().resideInAnyPackage("org.convene.timetable..", "org.convene.recordings..",
                    "org.convene.exchange..", "org.convene.qa..", "org.convene.attendance..", "org.convene.demo..",
                    "org.convene.reminders..", "org.convene.materials..", "org.convene.notifications..")
            .because("access builds on core, programme, account, agenda, mail and organising (its event and the "
                    + "session editor's extension point); the pages it adds to reach it only through extension "
                    + "points (docs/architecture.md)");

    @ArchTest
    static final ArchRule no_feature_reaches_into_access = noClasses()
            .that().resideOutsideOfPackages("org.convene.access..", "org.convene.db..")
            .should().dependOnClassesThat().resideInAPackage("org.convene.access..")
            .because("the account page, the agenda, the session editor and the session page take access's "
                    + "parts through their extension points, so no feature depends on it");

    @ArchTest
    static final ArchRule access_help_uses_only_core_and_programme = noClasses()
            .that().resideInAPackage("org.convene.accesshelp..")
            .should().dependOnClassesThat().resideInAnyPackage("org.convene.account..", "org.convene.timetable..",
                    "org.convene.agenda..", "org.convene.recordings..", "org.convene.organising..",
                    "org.convene.exchange..", "org.convene.qa..", "org.convene.attendance..", "org.convene.demo..",
                    "org.convene.mail..", "org.convene.materials..", "org.convene.reminders..",
                    "org.convene.notifications..")
            .because("access help adds to the session's pages through programme's extension points, so the "
                    + "pages' features never need it (docs/architecture.md)");

    @ArchTest
    static final ArchRule polls_use_core_programme_account_and_only_the_stomp_extension_point_of_qa = noClasses()
            .that().resideInAPackage("org.convene.polls..")
            .should().dependOnClassesThat().resideInAnyPackage("org.convene.timetable..", "org.convene.agenda..",
                    "org.convene.recordings..", "org.convene.organising..", "org.convene.exchange..",
                    "org.convene.attendance..", "org.convene.demo..", "org.convene.mail..",
                    "org.convene.materials..", "org.convene.reminders..", "org.convene.notifications..")
            .orShould().dependOnClassesThat(resideInAPackage("org.convene.qa..")
                    .and(DescribedPredicate.not(resideInAPackage("org.convene.qa.api"))))
            .because("polls add to the session's pages and the STOMP API through their extension points "
                    + "(docs/architecture.md)");

    @ArchTest
    static final ArchRule captions_use_core_programme_account_and_only_the_stomp_extension_point_of_qa = noClasses()
            .that().resideInAPackage("org.convene.captions..")
            .should().dependOnClassesThat().resideInAnyPackage("org.convene.timetable..", "org.convene.agenda..",
                    "org.convene.recordings..", "org.convene.organising..", "org.convene.exchange..",
                    "org.convene.attendance..", "org.convene.demo..", "org.convene.mail..", "org.convene.materials..",
                    "org.convene.reminders..", "org.convene.notifications..")
            .orShould().dependOnClassesThat(resideInAPackage("org.convene.qa..")
                    .and(DescribedPredicate.not(resideInAPackage("org.convene.qa.api"))))
            .because("captions reach the session page, stage view and STOMP API through extension points "
                    + "(docs/architecture.md)");

    @ArchTest
    static final ArchRule certificates_use_only_core_programme_account_and_attendance = noClasses()
            .that().resideInAPackage("org.convene.certificates..")
            .should().dependOnClassesThat().resideInAnyPackage("org.convene.timetable..", "org.convene.agenda..",
                    "org.convene.recordings..", "org.convene.organising..", "org.convene.exchange..",
                    "org.convene.qa..", "org.convene.demo..", "org.convene.mail..", "org.convene.materials..",
                    "org.convene.reminders..", "org.convene.notifications..", "org.convene.access..",
                    "org.convene.accesshelp..", "org.convene.polls..", "org.convene.captions..")
            .because("certificates add to the session page, its report, the account page and the conference "
                    + "settings through extension points (docs/architecture.md)");

    @ArchTest
    static final ArchRule no_feature_reaches_into_certificates = noClasses()
            .that().resideOutsideOfPackages("org.convene.certificates..", "org.convene.db..")
            .should().dependOnClassesThat().resideInAPackage("org.convene.certificates..")
            .because("the pages take the certificates' parts through their extension points");

    @ArchTest
    static final ArchRule materials_uses_only_core_and_programme = noClasses()
            .that().resideInAPackage("org.convene.materials..")
            .should().dependOnClassesThat().resideInAnyPackage("org.convene.account..", "org.convene.timetable..",
                    "org.convene.agenda..", "org.convene.recordings..", "org.convene.organising..",
                    "org.convene.exchange..", "org.convene.qa..", "org.convene.attendance..", "org.convene.demo..",
                    "org.convene.mail..")
            .because("the agenda and the reminders read materials, so materials must not read them "
                    + "(docs/architecture.md)");

    @ArchTest
    static final ArchRule the_session_page_takes_other_features_parts_only_through_its_extension_point = noClasses()
            .that().resideInAPackage("org.convene.timetable..")
            .should().dependOnClassesThat().resideInAnyPackage("org.convene.qa..", "org.convene.attendance..",
                    "org.convene.materials..", "org.convene.polls..")
            .because("qa, attendance, materials and polls contribute SessionPageSection beans; the page never builds "
                    + "their widgets");

    @ArchTest
    static final ArchRule every_package_of_ours_is_null_marked = classes()
            .that().resideOutsideOfPackage("org.convene.db..")
            .should(beInANullMarkedPackage())
            .because("NullAway checks only @NullMarked code: a package without package-info.java would go "
                    + "unchecked (generated jOOQ code in org.convene.db is the one exception)");

    private static ArchCondition<JavaClass> beInANullMarkedPackage() {
        return new ArchCondition<>("be in a package annotated @NullMarked") {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                boolean marked = javaClass.getPackage().isAnnotatedWith(NullMarked.class);
                events.add(new SimpleConditionEvent(javaClass, marked, javaClass.getName() + " is in "
                        + javaClass.getPackageName() + ", which " + (marked ? "is" : "is not")
                        + " annotated @NullMarked in its package-info.java"));
            }
        };
    }
}
