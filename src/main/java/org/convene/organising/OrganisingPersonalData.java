package org.convene.organising;

import org.convene.core.personal.PersonalDataSection;
import org.convene.core.personal.PersonalDataTable;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Repository;

import java.util.List;

import static org.convene.db.Tables.APP_USER;
import static org.convene.db.Tables.HOST_COORDINATOR;
import static org.convene.db.Tables.HOST_INVITATION;
import static org.convene.db.Tables.HOST_ORGANISATION;
import static org.convene.db.Tables.PERSON;

/**
 * Programme management's part of a person's data: the partner hosts they coordinate, the invitations sent to their
 * address and the speaker profiles linked to their account. When the account goes, the coordinator rows go by
 * their foreign key and the invitations to their address here (they hold it); a speaker profile is the programme's,
 * not the account's, so it stays, no longer linked.
 */
@Repository
class OrganisingPersonalData implements PersonalDataSection {

    private final DSLContext db;

    OrganisingPersonalData(DSLContext db) {
        this.db = db;
    }

    @Override
    public String name() {
        return "programme";
    }

    @Override
    public List<PersonalDataTable> exportFor(long userId) {
        return List.of(
                PersonalDataTable.of("hosts-you-coordinate", "The partner organisations whose sessions you "
                                + "coordinate.",
                        List.of("Organisation", "Since (UTC)"),
                        db.select(HOST_ORGANISATION.NAME, HOST_COORDINATOR.ADDED_AT).from(HOST_COORDINATOR)
                                .join(HOST_ORGANISATION).on(HOST_ORGANISATION.ID.eq(HOST_COORDINATOR.HOST_ID))
                                .where(HOST_COORDINATOR.USER_ID.eq(userId)).orderBy(HOST_ORGANISATION.NAME)
                                .fetch(Record::intoList)),
                PersonalDataTable.of("invitations", "Invitations to coordinate a partner organisation, sent to "
                                + "your address.",
                        List.of("Organisation", "Sent to", "Made (UTC)", "Accepted (UTC)", "Withdrawn (UTC)"),
                        db.select(HOST_ORGANISATION.NAME, HOST_INVITATION.EMAIL, HOST_INVITATION.CREATED_AT,
                                        HOST_INVITATION.ACCEPTED_AT, HOST_INVITATION.REVOKED_AT)
                                .from(HOST_INVITATION)
                                .join(HOST_ORGANISATION).on(HOST_ORGANISATION.ID.eq(HOST_INVITATION.HOST_ID))
                                .where(HOST_INVITATION.ACCEPTED_BY.eq(userId).or(HOST_INVITATION.EMAIL.eq(
                                        db.select(APP_USER.EMAIL).from(APP_USER).where(APP_USER.ID.eq(userId)))))
                                .orderBy(HOST_INVITATION.CREATED_AT).fetch(Record::intoList)),
                PersonalDataTable.of("speaker-profile", "Your speaker or facilitator profile on the programme, "
                                + "linked to your account. It is the programme's: it stays if you delete your account.",
                        List.of("Name", "Organisation", "About you"),
                        db.select(PERSON.NAME, PERSON.ORGANISATION, PERSON.BIO).from(PERSON)
                                .where(PERSON.USER_ID.eq(userId)).orderBy(PERSON.ID).fetch(Record::intoList)));
    }

    @Override
    public void forget(long userId) {
        db.deleteFrom(HOST_INVITATION)
                .where(HOST_INVITATION.ACCEPTED_BY.eq(userId).or(HOST_INVITATION.EMAIL.eq(
                        db.select(APP_USER.EMAIL).from(APP_USER).where(APP_USER.ID.eq(userId)))))
                .execute();
    }
}
