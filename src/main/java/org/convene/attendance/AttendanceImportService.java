package org.convene.attendance;

import org.convene.core.security.ConveneUser;
import org.convene.core.time.DateTexts;
import org.convene.core.security.CurrentUser;
import org.convene.programme.ProgrammePermissions;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Attendance from the meeting tool: organisers and the session's partner hosts upload Zoom's, Teams' or
 * BigBlueButton's participant report, check what was read, and save it. Participants are matched to accounts by
 * email (confirmed addresses only: an unconfirmed account could carry anyone's address); the rest are kept and
 * listed for matching by hand. A session keeps one import per tool: importing the same tool's report again
 * replaces the earlier one (keeping its hand matches), so a file imported twice counts once. Every method checks
 * on the server who may do it (docs/attendance-import.md).
 */
@Service
@Transactional
public class AttendanceImportService {

    /** The most accounts a search offers; more means the host should type more of the name. */
    public static final int PEOPLE_SHOWN = 10;
    /** The shortest search text: fewer letters match too many people to be useful. */
    public static final int SEARCH_MIN = 2;

    /** Why a person cannot be given attendance at a session (db/V36). */
    public static final String WITHDRAWN = "That person deleted their attendance records after this session, so "
            + "Convene does not record their attendance at it.";
    private static final String ALL_WITHDRAWN = "Everyone in the file has deleted their attendance records since "
            + "this session, so there is nothing to import.";

    private static final Logger log = LoggerFactory.getLogger(AttendanceImportService.class);

    private final AttendanceImportQueries queries;
    private final ProgrammePermissions permissions;
    private final CurrentUser currentUser;
    private final Clock clock;

    AttendanceImportService(AttendanceImportQueries queries, ProgrammePermissions permissions, CurrentUser currentUser,
                            Clock clock) {
        this.queries = queries;
        this.permissions = permissions;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** The session, for anyone who may import for it or mark phone joins; empty for an unknown session. */
    @Transactional(readOnly = true)
    public Optional<ImportSession> session(long sessionId) {
        return queries.session(sessionId);
    }

    @Transactional(readOnly = true)
    public boolean mayImport(long sessionId) {
        return currentUser.get().map(u -> permissions.mayManageSession(u, sessionId)).orElse(false);
    }

    /** What the file holds and whom it matches, without saving anything. */
    @Transactional(readOnly = true)
    public ImportPreview preview(long sessionId, MeetingTool tool, byte[] file, ZoneId zone) {
        permissions.requireSession(sessionId);
        ImportSession session = require(sessionId);
        ReportReading reading = MeetingReports.read(tool, file, context(session, zone));
        if (reading instanceof ReportReading.Unreadable(List<String> problems)) {
            return new ImportPreview.Refused(problems);
        }
        ReportReading.Read read = (ReportReading.Read) reading;
        Map<String, AttendanceImportQueries.Account> accounts = confirmedAccounts(read.participants());
        Set<String> withdrawn = withdrawnEmails(accounts, session);
        List<ImportPreview.Row> rows = new ArrayList<>();
        Set<String> people = new HashSet<>();
        Set<String> matched = new HashSet<>();
        int outside = 0;
        int leftOut = 0;
        for (ReportedParticipant p : read.participants()) {
            if (p.email() != null && withdrawn.contains(p.email())) {
                leftOut++;
                continue;
            }
            AttendanceImportQueries.Account account = p.email() == null ? null : accounts.get(p.email());
            rows.add(new ImportPreview.Row(p.line(), p.name(), p.email(), p.joinedAt(), p.leftAt(),
                    account == null ? null : account.name()));
            String key = p.name() + "\n" + Objects.requireNonNullElse(p.email(), "");
            people.add(key);
            if (account != null) {
                matched.add(key);
            }
            if (!p.leftAt().isAfter(session.startsAt()) || !p.joinedAt().isBefore(session.endsAt())) {
                outside++;
            }
        }
        if (rows.isEmpty()) {
            return new ImportPreview.Refused(List.of(ALL_WITHDRAWN));
        }
        if (outside == rows.size()) {
            return new ImportPreview.Refused(List.of(noneDuring(session)));
        }
        List<String> notes = new ArrayList<>(read.notes());
        if (leftOut > 0) {
            notes.add(leftOut + (leftOut == 1 ? " join and leave is" : " joins and leaves are") + " of someone who "
                    + "deleted their attendance records after this session. Convene leaves them out.");
        }
        ImportSummary replaces = queries.importOf(sessionId, tool).flatMap(queries::summary).orElse(null);
        return new ImportPreview.Ready(tool, rows, notes, people.size(), matched.size(), outside, replaces);
    }

    /** What became of saving a file. */
    public sealed interface Outcome {
        record Saved(ImportSummary summary) implements Outcome {
        }

        record Refused(List<String> problems) implements Outcome {
        }
    }

    /**
     * Reads the whole file again and saves it in this one transaction, replacing the session's earlier import of
     * the same tool: nothing of a bad file is saved, and nothing is counted twice.
     */
    public Outcome save(long sessionId, MeetingTool tool, String fileName, byte[] file, ZoneId zone) {
        ConveneUser user = permissions.requireSession(sessionId);
        ImportSession session = require(sessionId);
        ReportReading reading = MeetingReports.read(tool, file, context(session, zone));
        if (reading instanceof ReportReading.Unreadable(List<String> problems)) {
            return new Outcome.Refused(problems);
        }
        List<ReportedParticipant> read = ((ReportReading.Read) reading).participants();
        Map<String, AttendanceImportQueries.Account> accounts = confirmedAccounts(read);
        Set<String> withdrawn = withdrawnEmails(accounts, session);
        // the lines of people who deleted their attendance are not kept at all: their name and address with them
        List<ReportedParticipant> stays = read.stream()
                .filter(p -> p.email() == null || !withdrawn.contains(p.email())).toList();
        if (stays.isEmpty()) {
            return new Outcome.Refused(List.of(ALL_WITHDRAWN));
        }
        if (stays.stream().noneMatch(p -> p.leftAt().isAfter(session.startsAt())
                && p.joinedAt().isBefore(session.endsAt()))) {
            return new Outcome.Refused(List.of(noneDuring(session)));
        }
        queries.lockImports(sessionId);
        Map<AttendanceImportQueries.Participant, Long> kept = Map.of();
        Optional<Long> previous = queries.importOf(sessionId, tool);
        if (previous.isPresent()) {
            kept = queries.handMatches(previous.get());
            queries.delete(previous.get());
        }
        Set<Long> handWithdrawn = queries.withdrawn(kept.values(), session.startsAt());
        List<AttendanceImportQueries.NewRow> rows = new ArrayList<>();
        for (ReportedParticipant p : stays) {
            AttendanceImportQueries.Account account = p.email() == null ? null : accounts.get(p.email());
            Long byHand = kept.get(new AttendanceImportQueries.Participant(0, p.name(),
                    Objects.requireNonNullElse(p.email(), "")));
            if (byHand != null && handWithdrawn.contains(byHand)) {
                byHand = null;
            }
            rows.add(account != null ? new AttendanceImportQueries.NewRow(p, account.id(), false)
                    : byHand != null ? new AttendanceImportQueries.NewRow(p, byHand, true)
                    : new AttendanceImportQueries.NewRow(p, null, false));
        }
        long importId = queries.insertImport(sessionId, tool, shortName(fileName), user.id(), clock.instant(), zone);
        queries.insertRows(importId, rows);
        queries.rebuildIntervals(importId);
        log.info("Attendance import {} saved for session {}: {} stays from {}", importId, sessionId, stays.size(),
                tool);
        return new Outcome.Saved(queries.summary(importId).orElseThrow());
    }

    @Transactional(readOnly = true)
    public List<ImportSummary> imports(long sessionId) {
        permissions.requireSession(sessionId);
        return queries.summaries(sessionId);
    }

    @Transactional(readOnly = true)
    public List<UnmatchedParticipant> unmatched(long sessionId) {
        permissions.requireSession(sessionId);
        return queries.unmatched(sessionId);
    }

    /** Accounts to match a participant to (see {@link AttendanceImportQueries#people}); none for a short text. */
    @Transactional(readOnly = true)
    public List<PersonChoice> findPeople(long sessionId, String text) {
        permissions.requireSession(sessionId);
        return search(sessionId, text);
    }

    /** Matches every stay of an unmatched participant (named by one of their rows) to an account. */
    public void match(long sessionId, long rowId, long userId) {
        permissions.requireSession(sessionId);
        AttendanceImportQueries.Participant participant = queries.participantOfRow(sessionId, rowId)
                .orElseThrow(() -> new IllegalArgumentException("That participant is not in this session's imports."));
        if (!queries.accountExists(userId)) {
            throw new IllegalArgumentException("That account no longer exists.");
        }
        if (!queries.withdrawn(List.of(userId), require(sessionId).startsAt()).isEmpty()) {
            throw new AccessDeniedException(WITHDRAWN);
        }
        queries.matchByHand(participant, userId);
        queries.rebuildIntervals(participant.importId());
    }

    @Transactional(readOnly = true)
    public List<HandMatch> handMatched(long sessionId) {
        permissions.requireSession(sessionId);
        return queries.handMatched(sessionId);
    }

    /**
     * Undoes a hand match (a participant named by one of their rows): the stays it gave the account are taken out
     * of every figure and the participant is listed as unmatched again, so a later import of the same tool no
     * longer carries the match over. False when there was no hand match to undo (someone undid it meanwhile).
     */
    public boolean undoMatch(long sessionId, long rowId) {
        permissions.requireSession(sessionId);
        AttendanceImportQueries.Participant participant = queries.participantOfRow(sessionId, rowId)
                .orElseThrow(() -> new IllegalArgumentException("That participant is not in this session's imports."));
        if (queries.unmatchByHand(participant) == 0) {
            return false;
        }
        queries.rebuildIntervals(participant.importId());
        log.info("A hand match was undone in attendance import {}", participant.importId());
        return true;
    }

    /** Removes an import, with everything it added to the figures. */
    public void remove(long sessionId, long importId) {
        permissions.requireSession(sessionId);
        if (!queries.sessionOfImport(importId).map(s -> s == sessionId).orElse(false)) {
            throw new IllegalArgumentException("That import is not one of this session's.");
        }
        queries.delete(importId);
        log.info("Attendance import {} removed from session {}", importId, sessionId);
    }

    List<PersonChoice> search(long sessionId, String text) {
        if (text.strip().length() < SEARCH_MIN) {
            return List.of();
        }
        return queries.people(require(sessionId).conferenceId(), text, PEOPLE_SHOWN);
    }

    ImportSession require(long sessionId) {
        return queries.session(sessionId).orElseThrow(() -> new AccessDeniedException("There is no such session."));
    }

    private Map<String, AttendanceImportQueries.Account> confirmedAccounts(List<ReportedParticipant> stays) {
        Set<String> emails = new HashSet<>();
        stays.forEach(p -> {
            if (p.email() != null) {
                emails.add(p.email());
            }
        });
        Map<String, AttendanceImportQueries.Account> accounts = new HashMap<>(queries.accountsByEmail(emails));
        accounts.values().removeIf(a -> !a.confirmed());
        return accounts;
    }

    /** The addresses of the accounts whose people deleted their attendance records after the session started. */
    private Set<String> withdrawnEmails(Map<String, AttendanceImportQueries.Account> accounts, ImportSession session) {
        Set<Long> ids = queries.withdrawn(accounts.values().stream().map(AttendanceImportQueries.Account::id)
                .toList(), session.startsAt());
        Set<String> emails = new HashSet<>();
        accounts.forEach((email, account) -> {
            if (ids.contains(account.id())) {
                emails.add(email);
            }
        });
        return emails;
    }

    private static String noneDuring(ImportSession session) {
        return "None of the times in the file are during the session (it ran on "
                + DateTexts.day(session.startsAt().atZone(session.zone()).toLocalDate()) + "). Check that it is the "
                + "report of this session and that the time zone is the one the meeting tool used.";
    }

    private static RawStay.Context context(ImportSession session, ZoneId zone) {
        return new RawStay.Context(zone, LocalDate.ofInstant(session.startsAt(), zone));
    }

    private static String shortName(@Nullable String fileName) {
        String name = fileName == null || fileName.isBlank() ? "report" : fileName.strip();
        return name.length() > ImportLimits.MAX_FILE_NAME ? name.substring(0, ImportLimits.MAX_FILE_NAME) : name;
    }
}
