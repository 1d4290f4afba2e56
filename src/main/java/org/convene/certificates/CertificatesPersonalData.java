package org.convene.certificates;

import org.convene.core.personal.PersonalDataSection;
import org.convene.core.personal.PersonalDataTable;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Repository;

import java.util.List;

import static org.convene.db.Tables.CERTIFICATE;
import static org.convene.db.Tables.CERTIFICATE_LINE;

/**
 * The certificates issued to a person, with the facts each one froze. They carry the person's name, so they go
 * with the account (db/V32: on delete cascade) and their codes then verify as not found.
 */
@Repository
class CertificatesPersonalData implements PersonalDataSection {

    private final DSLContext db;

    CertificatesPersonalData(DSLContext db) {
        this.db = db;
    }

    @Override
    public String name() {
        return "certificates";
    }

    @Override
    public List<PersonalDataTable> exportFor(long userId) {
        return List.of(
                PersonalDataTable.of("issued", "The certificates of attendance issued to you, as each one says.",
                        List.of("Code", "Name on it", "Conference", "Whole conference", "Rule (%)", "Total minutes",
                                "Issued at"),
                        db.select(CERTIFICATE.CODE, CERTIFICATE.PERSON_NAME, CERTIFICATE.CONFERENCE_NAME,
                                        CERTIFICATE.SESSION_ID.isNull(), CERTIFICATE.RULE_PERCENT,
                                        CERTIFICATE.TOTAL_MINUTES, CERTIFICATE.ISSUED_AT)
                                .from(CERTIFICATE).where(CERTIFICATE.USER_ID.eq(userId))
                                .orderBy(CERTIFICATE.ISSUED_AT, CERTIFICATE.ID).fetch(Record::intoList)),
                PersonalDataTable.of("sessions", "The sessions each certificate names, with your minutes.",
                        List.of("Code", "Session", "Starts at", "Ends at", "Minutes"),
                        db.select(CERTIFICATE.CODE, CERTIFICATE_LINE.SESSION_TITLE, CERTIFICATE_LINE.STARTS_AT,
                                        CERTIFICATE_LINE.ENDS_AT, CERTIFICATE_LINE.MINUTES)
                                .from(CERTIFICATE_LINE).join(CERTIFICATE)
                                .on(CERTIFICATE.ID.eq(CERTIFICATE_LINE.CERTIFICATE_ID))
                                .where(CERTIFICATE.USER_ID.eq(userId))
                                .orderBy(CERTIFICATE.ID, CERTIFICATE_LINE.POSITION).fetch(Record::intoList)));
    }
}
