package org.convene.attendance;

import org.convene.core.SaveResult;
import org.convene.core.security.ConveneUser;
import org.convene.core.security.CurrentUser;
import org.convene.core.time.DateTexts;
import org.convene.programme.ProgrammePermissions;
import org.convene.programme.SessionDetail;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * People who joined a session by phone, marked by its facilitators, its host organisation's coordinators or an
 * organiser, with the times they joined and left. Each is a closed PHONE interval of an account: figures count
 * people by account, so someone without one could be counted nowhere (docs/attendance-import.md).
 */
@Service
@Transactional
public class PhoneJoinService {

    /** Form fields, in the order the form shows them. */
    public static final String PERSON = "person";
    public static final String JOINED = "joined";
    public static final String LEFT = "left";

    private static final Logger log = LoggerFactory.getLogger(PhoneJoinService.class);

    private final AttendanceImportQueries queries;
    private final AttendanceImportService imports;
    private final ProgrammePermissions permissions;
    private final CurrentUser currentUser;
    private final Clock clock;

    PhoneJoinService(AttendanceImportQueries queries, AttendanceImportService imports, ProgrammePermissions permissions,
                     CurrentUser currentUser, Clock clock) {
        this.queries = queries;
        this.imports = imports;
        this.permissions = permissions;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** Facilitators of the session, its host's coordinators and organisers. */
    @Transactional(readOnly = true)
    public boolean mayMark(long sessionId) {
        return currentUser.get().map(u -> mayMark(u, sessionId)).orElse(false);
    }

    private boolean mayMark(ConveneUser user, long sessionId) {
        return permissions.mayManageSession(user, sessionId) || queries.isFacilitatorOf(sessionId, user.id());
    }

    private ConveneUser requireMayMark(long sessionId) {
        ConveneUser user = currentUser.require();
        if (!mayMark(user, sessionId)) {
            throw new AccessDeniedException("Only the session's facilitators, its host organisation or an organiser "
                    + "may mark people who joined by phone.");
        }
        return user;
    }

    @Transactional(readOnly = true)
    public List<PhoneJoin> phoneJoins(long sessionId) {
        requireMayMark(sessionId);
        return queries.phoneJoins(sessionId);
    }

    @Transactional(readOnly = true)
    public List<PersonChoice> findPeople(long sessionId, String text) {
        requireMayMark(sessionId);
        return imports.search(sessionId, text);
    }

    /**
     * Marks the account as having joined by phone between two times of the session's day (in the conference's
     * zone): within the session (joining may start when Join opens, ten minutes early), the leave after the join,
     * and not in the future.
     */
    public SaveResult<Long> mark(long sessionId, @Nullable Long userId, String joinedText, String leftText) {
        ConveneUser user = requireMayMark(sessionId);
        ImportSession session = imports.require(sessionId);
        Map<String, String> problems = new LinkedHashMap<>();
        if (userId == null || !queries.accountExists(userId)) {
            problems.put(PERSON, "Choose the person who joined by phone.");
        } else if (!queries.withdrawn(List.of(userId), session.startsAt()).isEmpty()) {
            problems.put(PERSON, AttendanceImportService.WITHDRAWN);
        }
        Instant earliest = session.startsAt().minus(SessionDetail.JOIN_OPENS_BEFORE);
        @Nullable Instant joined = at(session, joinedText, JOINED, "joined", problems);
        @Nullable Instant left = at(session, leftText, LEFT, "left", problems);
        String window = DateTexts.timeRange(earliest.atZone(session.zone()), session.endsAt().atZone(session.zone()));
        if (joined != null && (joined.isBefore(earliest) || !joined.isBefore(session.endsAt()))) {
            problems.put(JOINED, "The time they joined must be from " + window + ", when the session ran.");
        }
        if (left != null && (left.isBefore(earliest) || left.isAfter(session.endsAt()))) {
            problems.put(LEFT, "The time they left must be from " + window + ", when the session ran.");
        } else if (left != null && left.isAfter(clock.instant())) {
            problems.put(LEFT, "The time they left has not come yet. Mark them once they have left.");
        } else if (left != null && joined != null && !left.isAfter(joined)) {
            problems.put(LEFT, "The time they left must be after the time they joined.");
        }
        if (!problems.isEmpty() || userId == null || joined == null || left == null) {
            return new SaveResult.Invalid<>(problems);
        }
        Instant from = joined.isBefore(session.startsAt()) ? session.startsAt() : joined;
        long id = queries.insertPhoneJoin(sessionId, userId, from, left, joined, left, user.id());
        log.info("A phone join was marked for session {}", sessionId);
        return new SaveResult.Saved<>(id);
    }

    public void remove(long sessionId, long intervalId) {
        requireMayMark(sessionId);
        queries.deletePhoneJoin(sessionId, intervalId);
    }

    /** The time on the session's day (or the next, for a session that crosses midnight), or null with a problem. */
    private static @Nullable Instant at(ImportSession session, String text, String field, String word,
                              Map<String, String> problems) {
        if (text == null || text.isBlank()) {
            problems.put(field, "Enter the time they " + word + ", like 10:05 or 2.30pm.");
            return null;
        }
        LocalTime time = PhoneTimes.parse(text);
        if (time == null) {
            problems.put(field, "The time they " + word + " must be a time, like 10:05 or 2.30pm.");
            return null;
        }
        ZonedDateTime start = session.startsAt().atZone(session.zone());
        LocalDate day = start.toLocalDate();
        Instant onStartDay = ZonedDateTime.of(day, time, session.zone()).toInstant();
        boolean crossesMidnight = !session.endsAt().atZone(session.zone()).toLocalDate().equals(day);
        return crossesMidnight && time.isBefore(start.toLocalTime().minusHours(1))
                ? ZonedDateTime.of(day.plusDays(1), time, session.zone()).toInstant() : onStartDay;
    }
}
