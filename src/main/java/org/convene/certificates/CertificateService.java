package org.convene.certificates;

import org.convene.attendance.AttendanceRule;
import org.convene.attendance.PersonPresence;
import org.convene.attendance.PresenceService;
import org.convene.certificates.CertificateRepository.ConferenceFacts;
import org.convene.certificates.CertificateRepository.SessionFacts;
import org.convene.certificates.CertificateStatus.Reason;
import org.convene.core.SaveResult;
import org.convene.core.security.ConveneUser;
import org.convene.core.security.CurrentUser;
import org.convene.programme.NoSuchSessionException;
import org.convene.programme.ProgrammePermissions;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Certificates of attendance: who may have which, issuing them with their facts frozen, the organisers' bulk
 * download and settings, and verification. Every method checks on the server who is asking.
 */
@Service
@Transactional(readOnly = true)
public class CertificateService {

    private final CertificateRepository repository;
    private final PresenceService presence;
    private final ProgrammePermissions permissions;
    private final CurrentUser currentUser;
    private final Clock clock;

    CertificateService(CertificateRepository repository, PresenceService presence, ProgrammePermissions permissions,
                       CurrentUser currentUser, Clock clock) {
        this.repository = repository;
        this.presence = presence;
        this.permissions = permissions;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    // --- organisers' settings

    /** Organisers only: the conference's rule and whether it gives certificates; empty for no such conference. */
    public Optional<CertificateSettings> settings(long conferenceId) {
        permissions.requireOrganiser();
        return repository.conference(conferenceId).map(c ->
                new CertificateSettings(c.id(), presence.rule(c.id()).percent(), c.enabled()));
    }

    /** Organisers only: a rule outside 1 to 100 % (or none) is refused with a message for the field. */
    @Transactional
    public SaveResult<CertificateSettings> saveSettings(long conferenceId, @Nullable Integer rulePercent,
                                                        boolean enabled) {
        permissions.requireOrganiser();
        if (rulePercent == null) {
            return new SaveResult.Invalid<>(Map.of(CertificateSettings.RULE_PERCENT, "Enter the attendance rule as "
                    + "a whole number from " + AttendanceRule.MIN_PERCENT + " to " + AttendanceRule.MAX_PERCENT + "."));
        }
        if (rulePercent < AttendanceRule.MIN_PERCENT || rulePercent > AttendanceRule.MAX_PERCENT) {
            return new SaveResult.Invalid<>(Map.of(CertificateSettings.RULE_PERCENT, "The attendance rule must be "
                    + "between " + AttendanceRule.MIN_PERCENT + " and " + AttendanceRule.MAX_PERCENT + " %."));
        }
        presence.setRule(conferenceId, new AttendanceRule(rulePercent));
        if (!repository.setEnabled(conferenceId, enabled)) {
            throw new IllegalArgumentException("There is no conference " + conferenceId);
        }
        return new SaveResult.Saved<>(new CertificateSettings(conferenceId, rulePercent, enabled));
    }

    // --- a person's own certificates

    /**
     * What the signed-in person can have for this session: empty when nobody is signed in, or for a cancelled or
     * unknown session (there is nothing to say then).
     */
    public Optional<CertificateStatus> status(long sessionId) {
        Optional<ConveneUser> user = currentUser.get();
        Optional<SessionFacts> session = repository.session(sessionId);
        if (user.isEmpty() || session.isEmpty() || session.get().cancelled()) {
            return Optional.empty();
        }
        return Optional.of(status(session.get(), user.get().id()));
    }

    private CertificateStatus status(SessionFacts session, long userId) {
        ConferenceFacts conference = conference(session.conferenceId());
        if (!conference.enabled()) {
            return new CertificateStatus.Refused(Reason.SWITCHED_OFF, CertificateRules.SWITCHED_OFF);
        }
        if (clock.instant().isBefore(session.endsAt())) {
            return new CertificateStatus.Refused(Reason.NOT_ENDED, CertificateRules.notEnded());
        }
        Optional<PersonPresence> present = presence.presenceOf(session.id(), userId);
        if (present.isPresent() && present.get().metRule()) {
            return new CertificateStatus.Ready(CertificateRules.minutes(present.get().present()));
        }
        return new CertificateStatus.Refused(Reason.RULE_NOT_MET, CertificateRules.notMet(present.orElse(null),
                Duration.between(session.startsAt(), session.endsAt()), presence.rule(conference.id()).percent()));
    }

    /**
     * The person's certificate for this session, issued now unless the same one was before. Only the person
     * themself may have it this way (organisers use {@link #everyone}, which keeps the naming promise); refused
     * with the reason when it is not to be had.
     */
    @Transactional
    public Certificate sessionCertificate(long sessionId, long userId) {
        SessionFacts session = repository.session(sessionId).orElseThrow(() -> new NoSuchSessionException(sessionId));
        requireSelf(userId);
        if (session.cancelled()) {
            throw new CertificateRefusedException("This session was cancelled, so it has no certificates.");
        }
        if (status(session, userId) instanceof CertificateStatus.Refused refused) {
            throw new CertificateRefusedException(refused.message());
        }
        return issue(userId, conference(session.conferenceId()), session.id(), List.of(session),
                presence.presenceOf(session.id(), userId).stream().toList());
    }

    /** The person's own certificate for the whole conference: every session where they met the rule. */
    @Transactional
    public Certificate conferenceCertificate(long conferenceId, long userId) {
        requireSelf(userId);
        ConferenceFacts conference = repository.conference(conferenceId)
                .orElseThrow(() -> new IllegalArgumentException("There is no conference " + conferenceId));
        if (!conference.enabled()) {
            throw new CertificateRefusedException(CertificateRules.SWITCHED_OFF);
        }
        List<PersonPresence> met = metAndEnded(conferenceId, userId);
        if (met.isEmpty()) {
            throw new CertificateRefusedException(CertificateRules.noSessionMet(conference.name()));
        }
        Map<Long, SessionFacts> sessions = repository.sessions(met.stream().map(PersonPresence::sessionId).toList())
                .stream().collect(Collectors.toMap(SessionFacts::id, Function.identity()));
        return issue(userId, conference, null, met.stream().map(p -> Objects.requireNonNull(sessions.get(p.sessionId()))).toList(), met);
    }

    /** The signed-in person's conferences with at least one session where they met the rule, latest first. */
    public List<MyCertificates> mine() {
        ConveneUser user = currentUser.require();
        List<MyCertificates> mine = new ArrayList<>();
        for (ConferenceFacts conference : repository.conferences()) {
            if (!conference.enabled()) {
                continue;
            }
            List<PersonPresence> met = metAndEnded(conference.id(), user.id());
            if (met.isEmpty()) {
                continue;
            }
            Map<Long, SessionFacts> sessions = repository.sessions(met.stream().map(PersonPresence::sessionId)
                    .toList()).stream().collect(Collectors.toMap(SessionFacts::id, Function.identity()));
            mine.add(new MyCertificates(conference.id(), conference.name(), conference.zone(), met.stream()
                    .map(p -> {
                        SessionFacts s = Objects.requireNonNull(sessions.get(p.sessionId()));
                        return new MyCertificates.Session(s.id(), s.title(), s.startsAt(), s.endsAt(),
                                CertificateRules.minutes(p.present()));
                    }).toList()));
        }
        return mine;
    }

    private List<PersonPresence> metAndEnded(long conferenceId, long userId) {
        Instant now = clock.instant();
        List<PersonPresence> met = presence.presenceAcross(conferenceId, userId).stream()
                .filter(PersonPresence::metRule).toList();
        if (met.isEmpty()) {
            return met;
        }
        Set<Long> ended = repository.sessions(met.stream().map(PersonPresence::sessionId).toList()).stream()
                .filter(s -> !s.cancelled() && !now.isBefore(s.endsAt())).map(SessionFacts::id)
                .collect(Collectors.toSet());
        return met.stream().filter(p -> ended.contains(p.sessionId())).toList();
    }

    // --- organisers and the session's host organisation

    /** Whether the signed-in person may download everyone's certificates for this session. */
    public boolean mayDownloadAll(long sessionId) {
        return currentUser.get().map(u -> permissions.mayManageSession(u, sessionId)).orElse(false);
    }

    /**
     * The certificates of everyone who met the rule at this session and agreed to be named to organisers (the
     * promise attendance makes: reports name only those who agreed); the others are counted, not named.
     */
    @Transactional
    public BulkCertificates everyone(long sessionId) {
        SessionFacts session = repository.session(sessionId).orElseThrow(() -> new NoSuchSessionException(sessionId));
        if (!mayDownloadAll(sessionId)) {
            throw new AccessDeniedException(CertificateRules.ONLY_MANAGERS);
        }
        ConferenceFacts conference = conference(session.conferenceId());
        if (!conference.enabled()) {
            throw new CertificateRefusedException(CertificateRules.SWITCHED_OFF);
        }
        if (session.cancelled() || clock.instant().isBefore(session.endsAt())) {
            return new BulkCertificates(session.title(), List.of(), 0);
        }
        List<PersonPresence> met = presence.presenceAt(sessionId).stream().filter(PersonPresence::metRule).toList();
        Set<Long> named = met.isEmpty() ? Set.of()
                : repository.namedInReports(met.stream().map(PersonPresence::userId).toList());
        List<Certificate> certificates = met.stream().filter(p -> named.contains(p.userId()))
                .map(p -> issue(p.userId(), conference, sessionId, List.of(session), List.of(p))).toList();
        return new BulkCertificates(session.title(), certificates, met.size() - certificates.size());
    }

    /** How many met the rule at this session, for the report's line about certificates (no names). */
    public int metRule(long sessionId) {
        if (!mayDownloadAll(sessionId)) {
            throw new AccessDeniedException(CertificateRules.ONLY_MANAGERS);
        }
        return (int) presence.presenceAt(sessionId).stream().filter(PersonPresence::metRule).count();
    }

    /** Whether the session's conference gives certificates and the session has ended. */
    public Optional<CertificateStatus.Reason> bulkUnavailable(long sessionId) {
        SessionFacts session = repository.session(sessionId).orElseThrow(() -> new NoSuchSessionException(sessionId));
        if (!conference(session.conferenceId()).enabled()) {
            return Optional.of(Reason.SWITCHED_OFF);
        }
        return clock.instant().isBefore(session.endsAt()) ? Optional.of(Reason.NOT_ENDED) : Optional.empty();
    }

    // --- verification, open to everyone

    /** The certificate with this code, as issued; empty for a code that names none (however it was mistyped). */
    public Optional<Certificate> verify(String presentedCode) {
        return CertificateCodes.read(presentedCode).flatMap(repository::byCode);
    }

    // ---

    private void requireSelf(long userId) {
        if (currentUser.require().id() != userId) {
            throw new AccessDeniedException(CertificateRules.SOMEONE_ELSES);
        }
    }

    private ConferenceFacts conference(long conferenceId) {
        return repository.conference(conferenceId)
                .orElseThrow(() -> new IllegalStateException("a session's conference exists"));
    }

    private Certificate issue(long userId, ConferenceFacts conference, @Nullable Long sessionId,
                              List<SessionFacts> sessions, List<PersonPresence> present) {
        String name = repository.displayName(userId)
                .orElseThrow(() -> new IllegalArgumentException("There is no account " + userId));
        List<CertificateLine> lines = new ArrayList<>();
        int total = 0;
        for (int i = 0; i < sessions.size(); i++) {
            SessionFacts s = sessions.get(i);
            int minutes = CertificateRules.minutes(present.get(i).present());
            lines.add(new CertificateLine(s.title(), s.startsAt(), s.endsAt(), minutes));
            total += minutes;
        }
        int rule = presence.rule(conference.id()).percent();
        String digest = CertificateRules.digest(sessionId, name, conference.name(), conference.zone().getId(), rule,
                total, lines);
        Optional<Certificate> issued = repository.byDigest(userId, conference.id(), digest);
        if (issued.isPresent()) {
            return issued.get();
        }
        return repository.issue(userId, conference.id(), digest, new Certificate(CertificateCodes.random(),
                clock.instant(), sessionId, name, conference.name(), conference.zone(), rule, total, lines));
    }
}
