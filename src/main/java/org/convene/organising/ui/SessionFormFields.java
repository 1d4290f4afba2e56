package org.convene.organising.ui;

import org.jspecify.annotations.Nullable;
import java.util.Objects;
import org.convene.core.time.DateTexts;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.timepicker.TimePicker;
import org.convene.core.ui.ErrorSummary;
import org.convene.organising.SessionForEditing;
import org.convene.organising.SessionFormChoices;
import org.convene.organising.SessionRegistration;
import org.convene.programme.AccessFeature;
import org.convene.programme.ConferenceSummary;
import org.convene.programme.HostRef;
import org.convene.programme.SessionDraft;
import org.convene.programme.SessionFormat;
import org.convene.programme.SessionRules;
import org.convene.programme.TrackRef;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * The session editor's fields: what they offer for a conference, what they show for a session, the draft they
 * describe and which field each problem belongs to. The day is chosen from the conference's days (plain text,
 * unlike a date picker's calendar); times are typed or picked in the conference's own time zone.
 */
final class SessionFormFields extends Div {

    private final TextField reference = new TextField("Reference (optional)");
    private final TextField title = new TextField("Title");
    private final TextArea summary = new TextArea("Description (optional)");
    private final Select<SessionFormat> format = new Select<>();
    private final Select<LocalDate> day = new Select<>();
    private final TimePicker startTime = new TimePicker("Start time");
    private final TimePicker endTime = new TimePicker("End time");
    private final Select<TrackRef> track = new Select<>();
    private final Select<HostRef> host = new Select<>();
    private final TextField joinUrl = new TextField("Joining link (optional)");
    private final TextField capacity = new TextField("Places (optional)");
    private final DateTimePicker registrationCloses = new DateTimePicker("Registration closes (optional)");
    private final Checkbox needsApproval = new Checkbox("Registration needs approval");
    private final CheckboxGroup<AccessFeature> access = new CheckboxGroup<>("Access this session offers (optional)");
    private final TextArea accessNotes = new TextArea("Access notes (optional)");
    private final List<Component> fields = List.of(reference, title, summary, format, day, startTime, endTime,
            track, host, joinUrl, capacity, registrationCloses, needsApproval, access, accessNotes);

    private @Nullable SessionFormChoices choices;
    /**
     * Days from the start's date to the end's: 0 but for a session running past midnight (an import can make
     * one), which keeps its end on the later day when the form sets only times.
     */
    private long endDayOffset;

    SessionFormFields() {
        addClassName("cv-form");
        addClassName("cv-session-form");
        reference.setId("reference");
        reference.setHelperText("Your own code for the session, like CPW-014. Importing a spreadsheet again "
                + "updates the session with the same reference.");
        title.setId("title");
        summary.setId("summary");
        summary.setHelperText("You can use Markdown: **bold**, *italic*, [link text](https://example.org), "
                + "a line starting with - for a list, and an empty line between paragraphs.");
        format.setId("format");
        format.setLabel("Format");
        format.setItems(SessionFormat.values());
        format.setItemLabelGenerator(f -> f == null ? "" : f.label());
        format.setPlaceholder("Choose a format");
        day.setId("day");
        day.setLabel("Day");
        day.setItemLabelGenerator(d -> d == null ? "" : DateTexts.day(d));
        day.setPlaceholder("Choose a day");
        for (TimePicker time : List.of(startTime, endTime)) {
            time.setLocale(Locale.UK);
            time.setStep(Duration.ofMinutes(15));
        }
        startTime.setId("start-time");
        endTime.setId("end-time");
        track.setId("track");
        track.setLabel("Track (optional)");
        track.setEmptySelectionAllowed(true);
        track.setEmptySelectionCaption("No track");
        track.setItemLabelGenerator(t -> t == null ? "No track" : t.name());
        host.setId("host");
        host.setItemLabelGenerator(h -> h == null ? "No host organisation" : h.name());
        joinUrl.setId("join-url");
        joinUrl.setHelperText("The web address people use to join, starting with https://");
        capacity.setId("capacity");
        capacity.setHelperText("The most people who can take part. Leave empty if there is no limit.");
        capacity.getElement().setAttribute("inputmode", "numeric");
        capacity.addClassName("cv-short-field");
        registrationCloses.setId("registration-closes");
        registrationCloses.setLocale(Locale.UK);
        registrationCloses.setStep(Duration.ofMinutes(15));
        registrationCloses.setDatePlaceholder("Day");
        registrationCloses.setTimePlaceholder("Time");
        needsApproval.setId("needs-approval");
        needsApproval.setHelperText("People ask for a place, and the hosts approve or decline each request on the "
                + "session's registrations page. Nothing is on their agenda until you approve.");
        access.setId("access");
        access.setItems(AccessFeature.values());
        access.setItemLabelGenerator(AccessFeature::label);
        accessNotes.setId("access-notes");
        accessNotes.setHelperText("Anything else people should know, like how to ask for an interpreter.");
        for (Component field : fields) {
            // Checked on submit only (GOV.UK), never while someone is still typing.
            ((HasValidation) field).setManualValidation(true);
        }
    }

    List<Component> fields() {
        return fields;
    }

    /** Offers the conference's tracks and hosts, and ends with the given save button. */
    void prepare(SessionFormChoices choices, @Nullable SessionForEditing session, Button save) {
        this.choices = choices;
        ConferenceSummary conference = choices.conference();
        String zone = DateTexts.zoneName(conference.timeZone());
        endDayOffset = session == null ? 0 : ChronoUnit.DAYS.between(
                session.startsAt().atZone(conference.timeZone()).toLocalDate(),
                session.endsAt().atZone(conference.timeZone()).toLocalDate());
        startTime.setHelperText(zone + ", for example 10:30");
        endTime.setHelperText(endDayOffset == 0 ? zone + ", for example 11:30"
                : zone + (endDayOffset == 1 ? ", on the day after the start" : ", " + endDayOffset
                + " days after the start"));
        track.setItems(choices.tracks());
        if (choices.tracks().isEmpty()) {
            track.setHelperText("This conference has no tracks yet.");
        } else {
            track.setHelperText(null);
        }
        host.setEmptySelectionAllowed(!choices.hostRequired());
        host.setEmptySelectionCaption("No host organisation");
        host.setLabel(choices.hostRequired() ? "Host organisation" : "Host organisation (optional)");
        host.setItems(choices.hosts());
        registrationCloses.setHelperText(zone + ". After this time nobody can add the session to their agenda "
                + "or join its waiting list. It must be before the session ends. Leave it empty to keep "
                + "registration open.");

        Div timeRow = new Div(startTime, endTime);
        timeRow.addClassName("cv-time-row");
        removeAll();
        add(reference, title, summary, format, day, timeRow, track, host, joinUrl, capacity, registrationCloses,
                needsApproval, access, accessNotes, save);
    }

    /** Puts the values into the form: the session's, or empty ones for a new session. */
    void fill(@Nullable SessionForEditing values) {
        ConferenceSummary conference = choices().conference();
        ZoneId zone = conference.timeZone();
        TreeSet<LocalDate> days = new TreeSet<>(conference.firstDay().datesUntil(conference.lastDay().plusDays(1))
                .toList());
        if (values != null) {
            // a session left outside the conference's days (they moved) keeps its own day on offer
            days.add(values.startsAt().atZone(zone).toLocalDate());
        }
        day.setItems(days);
        if (values == null) {
            for (TextField field : List.of(reference, title, joinUrl, capacity)) {
                field.clear();
            }
            summary.clear();
            accessNotes.clear();
            format.clear();
            day.setValue(days.size() == 1 ? days.first() : null);
            startTime.clear();
            endTime.clear();
            track.clear();
            host.setValue(choices().hostRequired() && choices().hosts().size() == 1
                    ? choices().hosts().getFirst() : null);
            access.clear();
            registrationCloses.clear();
            needsApproval.clear();
            return;
        }
        reference.setValue(text(values.reference()));
        title.setValue(values.title());
        summary.setValue(values.summaryMarkdown());
        format.setValue(values.format());
        day.setValue(values.startsAt().atZone(zone).toLocalDate());
        startTime.setValue(values.startsAt().atZone(zone).toLocalTime());
        endTime.setValue(values.endsAt().atZone(zone).toLocalTime());
        track.setValue(choices().tracks().stream().filter(t -> values.trackId() != null && t.id() == values.trackId())
                .findFirst().orElse(null));
        host.setValue(choices().hosts().stream().filter(h -> values.hostId() != null && h.id() == values.hostId())
                .findFirst().orElse(null));
        joinUrl.setValue(text(values.joinUrl()));
        capacity.setValue(values.capacity() == null ? "" : values.capacity().toString());
        Instant closes = values.registration().closesAt();
        registrationCloses.setValue(closes == null ? null : closes.atZone(zone).toLocalDateTime());
        needsApproval.setValue(values.registration().needsApproval());
        access.setValue(values.access().isEmpty() ? EnumSet.noneOf(AccessFeature.class)
                : EnumSet.copyOf(values.access()));
        accessNotes.setValue(text(values.accessNotes()));
    }

    private static String text(@Nullable String value) {
        return value == null ? "" : value;
    }

    /** The draft the form describes; what cannot be read from the form goes into {@code problems}. */
    SessionDraft draft(Map<Component, String> problems) {
        ZoneId zone = choices().conference().timeZone();
        if (day.getValue() == null) {
            problems.put(day, "Choose the day of the session");
        }
        if (startTime.getValue() == null) {
            problems.put(startTime, "Enter the start time, like 10:30");
        }
        if (endTime.getValue() == null) {
            problems.put(endTime, "Enter the end time, like 11:30");
        }
        Instant startsAt = day.getValue() == null || startTime.getValue() == null ? null
                : day.getValue().atTime(startTime.getValue()).atZone(zone).toInstant();
        Instant endsAt = day.getValue() == null || endTime.getValue() == null ? null
                : day.getValue().plusDays(endDayOffset).atTime(endTime.getValue()).atZone(zone).toInstant();
        Integer places = null;
        String placesText = capacity.getValue().strip();
        if (!placesText.isEmpty()) {
            try {
                places = Integer.valueOf(placesText);
            } catch (NumberFormatException e) {
                problems.put(capacity, "Places must be a whole number, 1 or more");
            }
        }
        return new SessionDraft(choices().conference().id(), reference.getValue(), title.getValue(),
                summary.getValue(), format.getValue(), startsAt, endsAt,
                track.getValue() == null ? null : track.getValue().id(),
                host.getValue() == null ? null : host.getValue().id(), joinUrl.getValue(), places,
                access.getValue(), accessNotes.getValue());
    }

    /** How people register, as the form says; a half-filled closing time is checked on the server's terms. */
    SessionRegistration registration() {
        LocalDateTime closes = registrationCloses.getValue();
        return new SessionRegistration(closes == null ? null
                : closes.atZone(choices().conference().timeZone()).toInstant(), needsApproval.getValue());
    }

    /** Adds the rules' problems to the form's own, one message per field, the form's own first. */
    void addProblems(Map<Component, String> problems, List<SessionRules.Problem> found) {
        for (SessionRules.Problem problem : found) {
            Component field = fieldFor(problem.field());
            // "Enter the start date and time" says no more than the form's own message about the same gap
            if (field != null && !problems.containsKey(field) && !timeAlreadyMissing(problem.field())) {
                problems.put(field, problem.message());
            }
        }
    }

    /** The problems in the order of the fields on the page, for the error summary. */
    List<ErrorSummary.Problem> inFormOrder(Map<Component, String> problems) {
        List<ErrorSummary.Problem> ordered = new ArrayList<>();
        for (Component field : fields) {
            if (problems.containsKey(field)) {
                ordered.add(new ErrorSummary.Problem(field, problems.get(field)));
            }
        }
        return ordered;
    }

    private boolean timeAlreadyMissing(SessionRules.Field field) {
        return switch (field) {
            case STARTS_AT -> day.getValue() == null || startTime.getValue() == null;
            case ENDS_AT -> day.getValue() == null || endTime.getValue() == null;
            default -> false;
        };
    }

    private Component fieldFor(SessionRules.Field field) {
        return switch (field) {
            case REFERENCE -> reference;
            case TITLE -> title;
            case SUMMARY -> summary;
            case FORMAT -> format;
            // with a day and a time given, what is left to say about the start is that the day is wrong
            case STARTS_AT -> day;
            case ENDS_AT -> endTime;
            case TRACK -> track;
            case HOST -> host;
            case JOIN_URL -> joinUrl;
            case CAPACITY -> capacity;
            case REGISTRATION_CLOSES_AT -> registrationCloses;
            case ACCESS_NOTES -> accessNotes;
        };
    }

    private SessionFormChoices choices() {
        return Objects.requireNonNull(choices, "prepared before it is filled or read");
    }
}
