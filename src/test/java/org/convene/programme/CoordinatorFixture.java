package org.convene.programme;

import org.convene.core.security.ConveneUser;
import org.convene.core.security.Role;
import org.jooq.DSLContext;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.convene.db.Tables.APP_USER;
import static org.convene.db.Tables.HOST_COORDINATOR;
import static org.convene.db.Tables.PERSON;
import static org.convene.db.Tables.USER_ROLE;

/**
 * Accounts with roles, and partner hosts' coordinators, written straight to the database: the invitation flow
 * that makes coordinators in the app belongs to another feature. Removes its accounts again.
 */
public class CoordinatorFixture {

    private final DSLContext db;
    private final List<Long> users = new ArrayList<>();

    public CoordinatorFixture(DSLContext db) {
        this.db = db;
    }

    /** An account with the HOST role coordinating these organisations (none: a coordinator whose hosts were removed). */
    public ConveneUser coordinator(HostRef... hosts) {
        ConveneUser user = account("Coordinator", Role.HOST);
        for (HostRef host : hosts) {
            db.insertInto(HOST_COORDINATOR).set(HOST_COORDINATOR.HOST_ID, host.id())
                    .set(HOST_COORDINATOR.USER_ID, user.id()).set(HOST_COORDINATOR.ADDED_AT, now()).execute();
        }
        return user;
    }

    public ConveneUser organiser() {
        return account("Organiser", Role.ORGANISER);
    }

    public ConveneUser attendee() {
        return account("Attendee");
    }

    public ConveneUser account(String name, Role... extraRoles) {
        String email = "co-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        long id = db.insertInto(APP_USER).set(APP_USER.EMAIL, email).set(APP_USER.DISPLAY_NAME, name)
                .set(APP_USER.PASSWORD_HASH, "{noop}not-used").set(APP_USER.CREATED_AT, now())
                .returning(APP_USER.ID).fetchSingle(APP_USER.ID);
        Set<Role> roles = EnumSet.of(Role.ATTENDEE, extraRoles);
        for (Role role : roles) {
            db.insertInto(USER_ROLE).set(USER_ROLE.USER_ID, id).set(USER_ROLE.ROLE, role.name())
                    .set(USER_ROLE.GRANTED_AT, now()).execute();
        }
        users.add(id);
        return new ConveneUser(id, email, name, "{noop}not-used", roles);
    }

    /** Also removes the people the app made from these accounts (when making them facilitators). */
    public void cleanUp() {
        db.deleteFrom(PERSON).where(PERSON.USER_ID.in(users)).execute();
        db.deleteFrom(APP_USER).where(APP_USER.ID.in(users)).execute();
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
