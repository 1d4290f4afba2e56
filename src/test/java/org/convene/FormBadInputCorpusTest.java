package org.convene;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import org.convene.core.security.Role;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.stream.Stream;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.convene.db.Tables.CONFERENCE;
import static org.convene.db.Tables.HOST_ORGANISATION;
import static org.convene.db.Tables.PERSON;

/**
 * The bad-input corpus over the forms: every text field of each form gets the same hostile value, as a person
 * pasting it would, and the form is saved. The page must answer with its own messages (or save what may be
 * saved), never with the "something went wrong" error and never with anything logged at ERROR.
 */
class FormBadInputCorpusTest extends KaribuTest {

    static final List<String> VALUES = List.of("\u0000", "a\u0000b", "bell\u0007 and escape\u001b[2J", "next line\u0085",
            "delete\u007f", "x".repeat(100_000), "half \ud800 pair", "\u202eright to left\u200b", "two\nlines",
            "carriage\rreturn", "'; drop table conference; --", "<script>alert(1)</script>", "\ud83d\ude00".repeat(300),
            "   ");

    enum Who { NOBODY, ATTENDEE, ORGANISER }

    enum Form {
        SIGN_UP("signup", "Create account", Who.NOBODY),
        FORGOTTEN_PASSWORD("account/forgotten-password", "Send me a link", Who.NOBODY),
        CONFERENCE("manage/conferences/new", "Create conference", Who.ORGANISER),
        HOST("manage/hosts/new", "Add organisation", Who.ORGANISER),
        PERSON("manage/people/new", "Add person", Who.ORGANISER),
        PASSWORD_CHANGE("account", "Change password", Who.ATTENDEE),
        NEW_TOKEN("account", "Create token", Who.ATTENDEE),
        // polls: a poll prepared on a live session's moderation page, and feedback on an ended session
        POLL("sessions/{live}/moderate", "Save poll", Who.ORGANISER),
        FEEDBACK("sessions/{ended}/feedback", "Send feedback", Who.ATTENDEE);

        final String address;
        final String save;
        final Who who;

        Form(String address, String save, Who who) {
            this.address = address;
            this.save = save;
            this.who = who;
        }
    }

    @Autowired
    TestData data;
    @Autowired
    DSLContext db;
    @Autowired
    org.convene.account.AccountFixtures accounts;

    final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    String value = "";

    @BeforeEach
    void captureLog() {
        ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).addAppender(logged);
        logged.start();
    }

    @AfterEach
    void cleanUp() {
        ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).detachAppender(logged);
        if (value.indexOf(0) >= 0) {
            return; // nothing with a NUL can have been stored, and PostgreSQL would refuse it in the query too
        }
        // what could be saved was saved: take it away again, as the other tests expect a tidy database
        db.deleteFrom(CONFERENCE).where(CONFERENCE.NAME.eq(value.strip())).execute();
        db.deleteFrom(HOST_ORGANISATION).where(HOST_ORGANISATION.NAME.eq(value.strip())).execute();
        db.deleteFrom(PERSON).where(PERSON.NAME.eq(value.strip())).execute();
    }

    static Stream<Arguments> cases() {
        return Stream.of(Form.values()).flatMap(form -> VALUES.stream()
                .map(value -> Arguments.of(form + " with " + HttpBadInputCorpusTest.abbreviate(value), form, value)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void a_hostile_value_in_every_field_is_answered_by_the_form_not_by_an_error(String name, Form form, String value) {
        this.value = value;
        switch (form.who) {
            case NOBODY -> { }
            // a real password, as the password form checks the current one
            case ATTENDEE -> login(accounts.user("Corpus Attendee"));
            case ORGANISER -> login(data.user(Role.ORGANISER));
        }
        String address = form.address;
        if (address.contains("{live}")) {
            address = address.replace("{live}", Long.toString(data.liveSession()));
        }
        if (address.contains("{ended}")) {
            java.time.Instant now = java.time.Instant.now();
            java.time.LocalDate today = java.time.LocalDate.ofInstant(now, java.time.ZoneOffset.UTC);
            long conference = data.conference("Europe/London", today.minusDays(1), today.plusDays(1));
            address = address.replace("{ended}", Long.toString(data.session(conference, TestData.unique("Ended"),
                    now.minusSeconds(7200), now.minusSeconds(3600))));
        }
        UI.getCurrent().navigate(address);
        List<com.vaadin.flow.component.HasValue<?, String>> fields = new java.util.ArrayList<>();
        fields.addAll(_find(TextField.class));
        fields.addAll(_find(TextArea.class));
        fields.addAll(_find(EmailField.class));
        fields.addAll(_find(PasswordField.class));
        assertThat(fields).as("the form's text fields").isNotEmpty();
        fields.forEach(field -> field.setValue(value));
        logged.list.clear();

        assertThatCode(() -> _click(_get(Button.class, spec -> spec.withText(form.save)))).doesNotThrowAnyException();

        assertThat(logged.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.ERROR))
                .map(e -> e.getLoggerName() + ": " + e.getFormattedMessage()).toList()).as("logged at ERROR").isEmpty();
    }
}
