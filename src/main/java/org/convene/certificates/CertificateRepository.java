package org.convene.certificates;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.convene.db.Tables.APP_USER;
import static org.convene.db.Tables.CERTIFICATE;
import static org.convene.db.Tables.CERTIFICATE_LINE;
import static org.convene.db.Tables.CONFERENCE;
import static org.convene.db.Tables.PROGRAMME_SESSION;

/** Issued certificates and the few facts about conferences, sessions and people that go on them. */
@Repository
class CertificateRepository {

    record SessionFacts(long id, long conferenceId, String title, Instant startsAt, Instant endsAt,
                        boolean cancelled) {
    }

    record ConferenceFacts(long id, String name, ZoneId zone, boolean enabled) {
    }

    private final DSLContext db;

    CertificateRepository(DSLContext db) {
        this.db = db;
    }

    Optional<SessionFacts> session(long sessionId) {
        return db.select(PROGRAMME_SESSION.ID, PROGRAMME_SESSION.CONFERENCE_ID, PROGRAMME_SESSION.TITLE,
                        PROGRAMME_SESSION.STARTS_AT, PROGRAMME_SESSION.ENDS_AT, PROGRAMME_SESSION.CANCELLED_AT)
                .from(PROGRAMME_SESSION).where(PROGRAMME_SESSION.ID.eq(sessionId))
                .fetchOptional(r -> new SessionFacts(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(),
                        r.value6() != null));
    }

    List<SessionFacts> sessions(Collection<Long> sessionIds) {
        return db.select(PROGRAMME_SESSION.ID, PROGRAMME_SESSION.CONFERENCE_ID, PROGRAMME_SESSION.TITLE,
                        PROGRAMME_SESSION.STARTS_AT, PROGRAMME_SESSION.ENDS_AT, PROGRAMME_SESSION.CANCELLED_AT)
                .from(PROGRAMME_SESSION).where(PROGRAMME_SESSION.ID.in(sessionIds))
                .fetch(r -> new SessionFacts(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(),
                        r.value6() != null));
    }

    Optional<ConferenceFacts> conference(long conferenceId) {
        return db.select(CONFERENCE.ID, CONFERENCE.NAME, CONFERENCE.TIME_ZONE, CONFERENCE.CERTIFICATES_ENABLED)
                .from(CONFERENCE).where(CONFERENCE.ID.eq(conferenceId))
                .fetchOptional(r -> new ConferenceFacts(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    /** Every conference, the latest first: "My certificates" looks for presence in each. */
    List<ConferenceFacts> conferences() {
        return db.select(CONFERENCE.ID, CONFERENCE.NAME, CONFERENCE.TIME_ZONE, CONFERENCE.CERTIFICATES_ENABLED)
                .from(CONFERENCE).orderBy(CONFERENCE.FIRST_DAY.desc(), CONFERENCE.ID.desc())
                .fetch(r -> new ConferenceFacts(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    boolean setEnabled(long conferenceId, boolean enabled) {
        return db.update(CONFERENCE).set(CONFERENCE.CERTIFICATES_ENABLED, enabled)
                .where(CONFERENCE.ID.eq(conferenceId)).execute() == 1;
    }

    Optional<String> displayName(long userId) {
        return db.select(APP_USER.DISPLAY_NAME).from(APP_USER).where(APP_USER.ID.eq(userId))
                .fetchOptional(APP_USER.DISPLAY_NAME);
    }

    /** Those of these people who agreed to be named in organisers' reports. */
    Set<Long> namedInReports(Collection<Long> userIds) {
        return new HashSet<>(db.select(APP_USER.ID).from(APP_USER)
                .where(APP_USER.ID.in(userIds).and(APP_USER.NAMED_IN_REPORTS.isTrue())).fetch(APP_USER.ID));
    }

    /**
     * The certificate with these facts, issued now unless it was before. Two downloads at once both try to insert;
     * the unique digest lets one win and both read the same row.
     */
    Certificate issue(long userId, long conferenceId, String digest, Certificate facts) {
        db.insertInto(CERTIFICATE)
                .set(CERTIFICATE.CODE, facts.code())
                .set(CERTIFICATE.USER_ID, userId)
                .set(CERTIFICATE.CONFERENCE_ID, conferenceId)
                .set(CERTIFICATE.SESSION_ID, facts.sessionId())
                .set(CERTIFICATE.PERSON_NAME, facts.personName())
                .set(CERTIFICATE.CONFERENCE_NAME, facts.conferenceName())
                .set(CERTIFICATE.TIME_ZONE, facts.zone())
                .set(CERTIFICATE.RULE_PERCENT, (short) facts.rulePercent())
                .set(CERTIFICATE.TOTAL_MINUTES, facts.totalMinutes())
                .set(CERTIFICATE.FACTS_DIGEST, digest)
                .set(CERTIFICATE.ISSUED_AT, facts.issuedAt())
                .onConflict(CERTIFICATE.USER_ID, CERTIFICATE.CONFERENCE_ID, CERTIFICATE.FACTS_DIGEST).doNothing()
                .returning(CERTIFICATE.ID).fetchOptional()
                .ifPresent(row -> {
                    int position = 0;
                    for (CertificateLine line : facts.lines()) {
                        db.insertInto(CERTIFICATE_LINE)
                                .set(CERTIFICATE_LINE.CERTIFICATE_ID, row.getId())
                                .set(CERTIFICATE_LINE.POSITION, position++)
                                .set(CERTIFICATE_LINE.SESSION_TITLE, line.sessionTitle())
                                .set(CERTIFICATE_LINE.STARTS_AT, line.startsAt())
                                .set(CERTIFICATE_LINE.ENDS_AT, line.endsAt())
                                .set(CERTIFICATE_LINE.MINUTES, line.minutes())
                                .execute();
                    }
                });
        return byDigest(userId, conferenceId, digest)
                .orElseThrow(() -> new IllegalStateException("a certificate just issued is there to read"));
    }

    Optional<Certificate> byDigest(long userId, long conferenceId, String digest) {
        return one(CERTIFICATE.USER_ID.eq(userId).and(CERTIFICATE.CONFERENCE_ID.eq(conferenceId))
                .and(CERTIFICATE.FACTS_DIGEST.eq(digest)));
    }

    Optional<Certificate> byCode(String code) {
        return one(CERTIFICATE.CODE.eq(code));
    }

    private Optional<Certificate> one(org.jooq.Condition condition) {
        @Nullable Record row = db.select(CERTIFICATE.ID, CERTIFICATE.CODE, CERTIFICATE.ISSUED_AT,
                        CERTIFICATE.SESSION_ID, CERTIFICATE.PERSON_NAME, CERTIFICATE.CONFERENCE_NAME,
                        CERTIFICATE.TIME_ZONE, CERTIFICATE.RULE_PERCENT, CERTIFICATE.TOTAL_MINUTES)
                .from(CERTIFICATE).where(condition).fetchOne();
        if (row == null) {
            return Optional.empty();
        }
        List<CertificateLine> lines = db.select(CERTIFICATE_LINE.SESSION_TITLE, CERTIFICATE_LINE.STARTS_AT,
                        CERTIFICATE_LINE.ENDS_AT, CERTIFICATE_LINE.MINUTES)
                .from(CERTIFICATE_LINE).where(CERTIFICATE_LINE.CERTIFICATE_ID.eq(row.get(CERTIFICATE.ID)))
                .orderBy(CERTIFICATE_LINE.POSITION)
                .fetch(r -> new CertificateLine(r.value1(), r.value2(), r.value3(), r.value4()));
        return Optional.of(new Certificate(row.get(CERTIFICATE.CODE), row.get(CERTIFICATE.ISSUED_AT),
                row.get(CERTIFICATE.SESSION_ID), row.get(CERTIFICATE.PERSON_NAME),
                row.get(CERTIFICATE.CONFERENCE_NAME), row.get(CERTIFICATE.TIME_ZONE),
                row.get(CERTIFICATE.RULE_PERCENT), row.get(CERTIFICATE.TOTAL_MINUTES), lines));
    }
}
