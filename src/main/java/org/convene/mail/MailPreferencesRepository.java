package org.convene.mail;

import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Set;
import java.util.Map;
import java.util.Optional;

import static org.convene.db.Tables.MAIL_PREFERENCE;
import static org.convene.db.Tables.MAIL_UNSUBSCRIBE_TOKEN;

@Repository
class MailPreferencesRepository {

    private final DSLContext db;

    MailPreferencesRepository(DSLContext db) {
        this.db = db;
    }

    /** Only the topics the person has chosen for; the others are at their default. */
    Map<MailTopic, Boolean> choices(long userId) {
        Map<MailTopic, Boolean> choices = new EnumMap<>(MailTopic.class);
        db.select(MAIL_PREFERENCE.TOPIC, MAIL_PREFERENCE.WANTED).from(MAIL_PREFERENCE)
                .where(MAIL_PREFERENCE.USER_ID.eq(userId))
                .forEach(r -> choices.put(r.value1(), r.value2()));
        return choices;
    }

    void set(long userId, MailTopic topic, boolean wanted) {
        db.insertInto(MAIL_PREFERENCE)
                .set(MAIL_PREFERENCE.USER_ID, userId)
                .set(MAIL_PREFERENCE.TOPIC, topic)
                .set(MAIL_PREFERENCE.WANTED, wanted)
                .onConflict(MAIL_PREFERENCE.USER_ID, MAIL_PREFERENCE.TOPIC).doUpdate()
                .set(MAIL_PREFERENCE.WANTED, wanted)
                .execute();
    }

    Optional<String> token(long userId) {
        return db.select(MAIL_UNSUBSCRIBE_TOKEN.TOKEN).from(MAIL_UNSUBSCRIBE_TOKEN)
                .where(MAIL_UNSUBSCRIBE_TOKEN.USER_ID.eq(userId))
                .fetchOptional(MAIL_UNSUBSCRIBE_TOKEN.TOKEN);
    }

    /** Stores the token unless the person already has one; either way returns the one that is stored. */
    String tokenOrInsert(long userId, String candidate) {
        db.insertInto(MAIL_UNSUBSCRIBE_TOKEN)
                .set(MAIL_UNSUBSCRIBE_TOKEN.USER_ID, userId)
                .set(MAIL_UNSUBSCRIBE_TOKEN.TOKEN, candidate)
                .onConflict(MAIL_UNSUBSCRIBE_TOKEN.USER_ID).doNothing()
                .execute();
        return token(userId).orElseThrow();
    }

    /** Of these people, those who turned the topic off. */
    Set<Long> declined(Collection<Long> userIds, MailTopic topic) {
        return new HashSet<>(db.select(MAIL_PREFERENCE.USER_ID).from(MAIL_PREFERENCE)
                .where(MAIL_PREFERENCE.USER_ID.in(userIds), MAIL_PREFERENCE.TOPIC.eq(topic),
                        MAIL_PREFERENCE.WANTED.isFalse())
                .fetch(MAIL_PREFERENCE.USER_ID));
    }

    /** The tokens these people already have. */
    Map<Long, String> tokens(Collection<Long> userIds) {
        return db.select(MAIL_UNSUBSCRIBE_TOKEN.USER_ID, MAIL_UNSUBSCRIBE_TOKEN.TOKEN).from(MAIL_UNSUBSCRIBE_TOKEN)
                .where(MAIL_UNSUBSCRIBE_TOKEN.USER_ID.in(userIds))
                .fetchMap(MAIL_UNSUBSCRIBE_TOKEN.USER_ID, MAIL_UNSUBSCRIBE_TOKEN.TOKEN);
    }

    Optional<Long> userOfToken(String token) {
        return db.select(MAIL_UNSUBSCRIBE_TOKEN.USER_ID).from(MAIL_UNSUBSCRIBE_TOKEN)
                .where(MAIL_UNSUBSCRIBE_TOKEN.TOKEN.eq(token))
                .fetchOptional(MAIL_UNSUBSCRIBE_TOKEN.USER_ID);
    }
}
