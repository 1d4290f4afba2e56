package org.convene.programme;

import org.convene.core.TextRule;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The rules every session must keep, whoever writes it: the editor, the CSV import, scripts. Messages are the
 * GOV.UK kind: say what to do, in the words of the form, so a page can show them beside the field and in its
 * error summary unchanged.
 */
public final class SessionRules {

    public static final int TITLE_MAX = 200;
    public static final int ACCESS_NOTES_MAX = 1000;
    public static final int SUMMARY_MAX = 20_000;
    private static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);

    /** The fields a problem can be about; forms map them to their inputs, imports to their columns. */
    public enum Field { REFERENCE, TITLE, SUMMARY, FORMAT, STARTS_AT, ENDS_AT, TRACK, HOST, JOIN_URL, CAPACITY,
        REGISTRATION_CLOSES_AT, ACCESS_NOTES }

    public record Problem(Field field, String message) {
    }

    private SessionRules() {
    }

    /** Every problem with the draft, in the order of the form; empty when it may be written. */
    public static List<Problem> check(SessionDraft draft, ConferenceSummary conference) {
        List<Problem> problems = new ArrayList<>();
        if (draft.reference() != null && !REFERENCE.matcher(draft.reference()).matches()) {
            problems.add(new Problem(Field.REFERENCE,
                    "Reference must be up to 64 letters, numbers, dots, dashes or underscores, like CPW-014"));
        }
        if (draft.title().isEmpty()) {
            problems.add(new Problem(Field.TITLE, "Enter a title"));
        } else if (draft.title().length() > TITLE_MAX) {
            problems.add(new Problem(Field.TITLE, "Title must be " + TITLE_MAX + " characters or fewer"));
        }
        unstorable(Field.TITLE, "The title", draft.title(), TextRule.Lines.ONE, problems);
        if (draft.summaryMarkdown().length() > SUMMARY_MAX) {
            problems.add(new Problem(Field.SUMMARY, "Description must be " + SUMMARY_MAX + " characters or fewer"));
        }
        unstorable(Field.SUMMARY, "The description", draft.summaryMarkdown(), TextRule.Lines.MANY, problems);
        if (draft.format() == null) {
            problems.add(new Problem(Field.FORMAT, "Choose what kind of session it is"));
        }
        checkTimes(draft.startsAt(), draft.endsAt(), conference, problems);
        if (draft.joinUrl() != null && !WebAddresses.isValid(draft.joinUrl())) {
            problems.add(new Problem(Field.JOIN_URL,
                    "Enter the joining link as a web address starting with https://, like https://zoom.us/j/123"));
        }
        if (draft.capacity() != null && draft.capacity() < 1) {
            problems.add(new Problem(Field.CAPACITY, "Places must be a whole number, 1 or more"));
        }
        if (draft.accessNotes() != null && draft.accessNotes().length() > ACCESS_NOTES_MAX) {
            problems.add(new Problem(Field.ACCESS_NOTES,
                    "Access notes must be " + ACCESS_NOTES_MAX + " characters or fewer"));
        }
        unstorable(Field.ACCESS_NOTES, "The text of the access notes", draft.accessNotes(), TextRule.Lines.MANY, problems);
        return problems;
    }

    /**
     * The time registration closes (optional) must come before the session ends: after the end nobody could
     * register anyway, so a later time is a typing mistake. The editor and any other writer check it here.
     */
    public static Optional<Problem> checkRegistrationCloses(@Nullable Instant closesAt, @Nullable Instant endsAt) {
        if (closesAt == null || endsAt == null || closesAt.isBefore(endsAt)) {
            return Optional.empty();
        }
        return Optional.of(new Problem(Field.REGISTRATION_CLOSES_AT, REGISTRATION_CLOSES_TOO_LATE));
    }

    public static final String REGISTRATION_CLOSES_TOO_LATE = "\u201cRegistration closes\u201d must be before the "
            + "session ends. Choose an earlier time, or leave it empty to keep registration open";

    /** The text rule's problem, unless the field already has one (a form shows one message per field). */
    private static void unstorable(Field field, String subject, @Nullable String text, TextRule.Lines lines,
                                   List<Problem> problems) {
        if (problems.stream().noneMatch(p -> p.field() == field)) {
            TextRule.problem(subject, text, lines).ifPresent(message -> problems.add(new Problem(field, message)));
        }
    }

    private static void checkTimes(@Nullable Instant startsAt, @Nullable Instant endsAt, ConferenceSummary conference,
                                   List<Problem> problems) {
        if (startsAt == null) {
            problems.add(new Problem(Field.STARTS_AT, "Enter the start date and time"));
        }
        if (endsAt == null) {
            problems.add(new Problem(Field.ENDS_AT, "Enter the end date and time"));
        }
        if (startsAt == null || endsAt == null) {
            return;
        }
        if (!endsAt.isAfter(startsAt)) {
            problems.add(new Problem(Field.ENDS_AT, "The end time must be after the start time"));
            return;
        }
        ZoneId zone = conference.timeZone();
        Instant conferenceStarts = conference.firstDay().atStartOfDay(zone).toInstant();
        Instant conferenceEnds = conference.lastDay().plusDays(1).atStartOfDay(zone).toInstant();
        if (startsAt.isBefore(conferenceStarts) || endsAt.isAfter(conferenceEnds)) {
            problems.add(new Problem(startsAt.isBefore(conferenceStarts) || startsAt.isAfter(conferenceEnds)
                    ? Field.STARTS_AT : Field.ENDS_AT,
                    "The session must take place during the conference, between " + DAY.format(conference.firstDay())
                            + " and " + DAY.format(conference.lastDay())));
        }
    }
}
