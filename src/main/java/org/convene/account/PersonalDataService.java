package org.convene.account;

import org.convene.core.personal.PersonalDataSection;
import org.convene.core.security.CurrentUser;
import org.convene.core.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Everything Convene holds about a person, gathered from every feature's {@link PersonalDataSection}: the person's
 * own download, deleting their own account, and organisers anonymising someone on request. Both ways of removing
 * an account do the same: each feature's extra step (places given to the next person waiting, questions kept as a
 * former attendee's), then the account's row goes and the foreign keys delete or unlink the rest. Deleting the row
 * also ends the person's live connections: the database tells every node (V27) and the sign-in check ends their
 * browser sessions at the next request ({@link StaleSessionFilter}).
 */
@Service
@Transactional
public class PersonalDataService {

    static final String LAST_ORGANISER_SELF = "You are the only organiser, so you cannot delete your account. "
            + "Make someone else an organiser first, on the page of people’s accounts.";
    static final String LAST_ORGANISER_OTHER = "This person is the only organiser, so their account cannot be "
            + "anonymised. Make someone else an organiser first.";

    private static final Logger log = LoggerFactory.getLogger(PersonalDataService.class);

    private final List<PersonalDataSection> sections;
    private final AccountPersonalData accountData;
    private final AccountRepository accounts;
    private final CurrentUser currentUser;
    private final Clock clock;

    PersonalDataService(List<PersonalDataSection> sections, AccountPersonalData accountData,
                        AccountRepository accounts, CurrentUser currentUser, Clock clock) {
        // the account's own tables first, the others by name, so the download reads the same every time
        this.sections = sections.stream()
                .sorted(Comparator.comparing((PersonalDataSection s) -> !s.name().equals(accountData.name()))
                        .thenComparing(PersonalDataSection::name))
                .toList();
        this.accountData = accountData;
        this.accounts = accounts;
        this.currentUser = currentUser;
        this.clock = clock;
        Set<String> names = new HashSet<>();
        for (PersonalDataSection section : this.sections) {
            if (!names.add(section.name())) {
                throw new IllegalStateException("Two personal data sections are called " + section.name());
            }
        }
    }

    /** The signed-in person's download (a zip of CSV files and a read-me). */
    @Transactional(readOnly = true)
    public byte[] myDataZip() {
        return PersonalDataZip.write(sectionsFor(currentUser.require().id()), clock.instant());
    }

    /** The name the download is saved under. */
    public static String downloadName() {
        return "convene-your-data.zip";
    }

    /** The section names and their tables for one person; package-private for tests. */
    @Transactional(readOnly = true)
    List<PersonalDataZip.Section> sectionsFor(long userId) {
        return sections.stream()
                .map(section -> new PersonalDataZip.Section(section.name(), section.exportFor(userId)))
                .toList();
    }

    /**
     * Deletes the signed-in person's account and everything linked to it, as the account page says. The caller
     * then signs them out.
     *
     * @throws AccountDeletionRefusedException for the only organiser
     */
    public void deleteMyAccount() {
        long userId = currentUser.require().id();
        if (isLastOrganiser(userId)) {
            throw new AccountDeletionRefusedException(LAST_ORGANISER_SELF);
        }
        forget(userId);
        log.info("Account {} deleted by its owner", userId);
    }

    /**
     * An organiser anonymises someone who asked for it: the same as the person deleting their own account.
     * Logged with ids only.
     *
     * @throws AccessDeniedException           for anyone but an organiser
     * @throws NoSuchUserException             when there is no such account (already deleted, perhaps)
     * @throws AccountDeletionRefusedException for the only organiser
     */
    public void anonymise(long userId) {
        long actorId = currentUser.require().id();
        if (!accounts.rolesOf(actorId).contains(Role.ORGANISER)) {
            throw new AccessDeniedException("Only organisers can anonymise a person’s account.");
        }
        if (accounts.summary(userId).isEmpty()) {
            throw new NoSuchUserException(userId);
        }
        if (isLastOrganiser(userId)) {
            throw new AccountDeletionRefusedException(actorId == userId ? LAST_ORGANISER_SELF : LAST_ORGANISER_OTHER);
        }
        forget(userId);
        log.info("User {} anonymised account {} on request", actorId, userId);
    }

    /** Locks the organisers' rows, so two organisers deleting themselves at once cannot both go. */
    private boolean isLastOrganiser(long userId) {
        List<Long> organisers = accounts.lockOrganisers();
        return organisers.size() == 1 && organisers.contains(userId);
    }

    private void forget(long userId) {
        sections.forEach(section -> section.forget(userId));
        if (!accountData.deleteAccount(userId)) {
            throw new NoSuchUserException(userId);
        }
    }
}
