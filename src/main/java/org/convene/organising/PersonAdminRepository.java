package org.convene.organising;

import org.jspecify.annotations.Nullable;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.Optional;

import static org.convene.db.Tables.APP_USER;
import static org.convene.db.Tables.PERSON;
import static org.convene.db.Tables.SESSION_PERSON;
import static org.jooq.Records.mapping;
import static org.jooq.impl.DSL.select;

/** Reads and writes people (speakers and facilitators) for the organisers' pages. */
@Repository
class PersonAdminRepository {

    private final DSLContext db;

    PersonAdminRepository(DSLContext db) {
        this.db = db;
    }

    private static Condition personMatching(String search) {
        if (search == null || search.isBlank()) {
            return DSL.noCondition();
        }
        String text = search.strip();
        return PERSON.NAME.containsIgnoreCase(text).or(PERSON.ORGANISATION.containsIgnoreCase(text));
    }

    List<PersonRow> people(String search, int offset, int limit) {
        return db.select(PERSON.ID, PERSON.NAME, PERSON.ORGANISATION, PERSON.USER_ID.isNotNull(),
                        DSL.field(select(DSL.countDistinct(SESSION_PERSON.SESSION_ID)).from(SESSION_PERSON)
                                .where(SESSION_PERSON.PERSON_ID.eq(PERSON.ID))))
                .from(PERSON)
                .where(personMatching(search))
                .orderBy(DSL.lower(PERSON.NAME), PERSON.ID)
                .offset(offset).limit(limit)
                .fetch(mapping((id, name, organisation, hasAccount, sessions) ->
                        new PersonRow(id, name, organisation, hasAccount, sessions)));
    }

    int countPeople(String search) {
        return db.fetchCount(PERSON, personMatching(search));
    }

    Optional<PersonEdit> person(long id) {
        return db.select(PERSON.ID, PERSON.NAME, PERSON.ORGANISATION, PERSON.BIO, APP_USER.EMAIL, PERSON.VERSION)
                .from(PERSON).leftJoin(APP_USER).on(APP_USER.ID.eq(PERSON.USER_ID))
                .where(PERSON.ID.eq(id))
                .fetchOptional(mapping(PersonEdit::new));
    }

    /** The account with this (normalised) email address, for linking a person to it. */
    Optional<Long> accountId(String email) {
        return db.select(APP_USER.ID).from(APP_USER).where(APP_USER.EMAIL.eq(email)).fetchOptional(APP_USER.ID);
    }

    long insertPerson(PersonForm form, @Nullable Long userId) {
        return db.insertInto(PERSON)
                .set(PERSON.NAME, form.name())
                .set(PERSON.ORGANISATION, form.organisation())
                .set(PERSON.BIO, form.bio())
                .set(PERSON.USER_ID, userId)
                .returning(PERSON.ID)
                .fetchSingle(PERSON.ID);
    }

    boolean updatePerson(long id, int expectedVersion, PersonForm form, @Nullable Long userId) {
        return db.update(PERSON)
                .set(PERSON.NAME, form.name())
                .set(PERSON.ORGANISATION, form.organisation())
                .set(PERSON.BIO, form.bio())
                .set(PERSON.USER_ID, userId)
                .set(PERSON.VERSION, PERSON.VERSION.plus(1))
                .where(PERSON.ID.eq(id), PERSON.VERSION.eq(expectedVersion))
                .execute() == 1;
    }
}
