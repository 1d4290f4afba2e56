package org.convene.core.personal;

import java.util.List;

/**
 * What one feature holds about a person. Every feature with rows that name or point to a person contributes one
 * Spring bean; the account feature asks each of them for the person's download and, when an account is deleted or
 * anonymised, lets each do what the database's own ON DELETE rules cannot (give a freed place to the next person
 * waiting, keep a question but show it as a former attendee's). Declared here, in core, so that features which may
 * not use the account module (materials, access help) can contribute too.
 */
public interface PersonalDataSection {

    /** A short name, unique among sections, used in file names of the download: lower case, no spaces. */
    String name();

    /**
     * Everything this feature holds about the person, as tables for people to read. Only the person's own rows:
     * never anyone else's name or address. Secrets (password hashes, token secrets, one-time links) are left out.
     */
    List<PersonalDataTable> exportFor(long userId);

    /**
     * Called in the deleting transaction, before the account's row is deleted (which then deletes or unlinks the
     * rest by the foreign keys' rules): the steps the database cannot do by itself. Most features need none.
     */
    default void forget(long userId) {
    }
}
