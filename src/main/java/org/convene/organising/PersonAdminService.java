package org.convene.organising;

import org.convene.programme.ProgrammeLimits;
import org.jspecify.annotations.Nullable;
import org.convene.core.SaveResult;
import org.convene.core.TextRule;
import org.convene.core.security.ConveneUser;
import org.convene.programme.ProgrammePermissions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static org.convene.organising.ConferenceAdminService.strip;

/**
 * Organisers manage people (speakers and facilitators), optionally linked to a Convene account. Every method checks on the server that
 * the caller is an organiser; saving returns every problem of the form at once, or a conflict when someone
 * else saved the same record since the form was loaded.
 */
@Service
@Transactional
public class PersonAdminService {

    private static final Logger log = LoggerFactory.getLogger(PersonAdminService.class);

    private final PersonAdminRepository repository;
    private final ProgrammePermissions permissions;

    PersonAdminService(PersonAdminRepository repository, ProgrammePermissions permissions) {
        this.repository = repository;
        this.permissions = permissions;
    }

    @Transactional(readOnly = true)
    public List<PersonRow> people(String search, int offset, int limit) {
        permissions.requireOrganiser();
        return repository.people(search, offset, limit);
    }

    @Transactional(readOnly = true)
    public int countPeople(String search) {
        permissions.requireOrganiser();
        return repository.countPeople(search);
    }

    @Transactional(readOnly = true)
    public Optional<PersonEdit> person(long id) {
        permissions.requireOrganiser();
        return repository.person(id);
    }

    public SaveResult<PersonEdit> createPerson(PersonForm form) {
        ConveneUser organiser = permissions.requireOrganiser();
        PersonForm clean = clean(form);
        Map<String, String> problems = new LinkedHashMap<>();
        Long userId = personProblems(clean, problems);
        if (!problems.isEmpty()) {
            return new SaveResult.Invalid<>(problems);
        }
        long id = repository.insertPerson(clean, userId);
        log.info("User {} added person {}", organiser.id(), id);
        return new SaveResult.Saved<>(repository.person(id).orElseThrow());
    }

    public SaveResult<PersonEdit> updatePerson(long id, int expectedVersion, PersonForm form) {
        ConveneUser organiser = permissions.requireOrganiser();
        PersonForm clean = clean(form);
        Map<String, String> problems = new LinkedHashMap<>();
        Long userId = personProblems(clean, problems);
        if (!problems.isEmpty()) {
            return new SaveResult.Invalid<>(problems);
        }
        if (!repository.updatePerson(id, expectedVersion, clean, userId)) {
            return new SaveResult.Conflict<>();
        }
        log.info("User {} changed person {}", organiser.id(), id);
        return new SaveResult.Saved<>(repository.person(id).orElseThrow());
    }

    private static PersonForm clean(PersonForm form) {
        String email = strip(form.accountEmail());
        return new PersonForm(strip(form.name()), strip(form.organisation()), strip(form.bio()),
                email == null ? null : email.toLowerCase(Locale.ROOT));
    }

    /** Adds the form's problems; returns the linked account's id (null for none). */
    private @Nullable Long personProblems(PersonForm form, Map<String, String> problems) {
        if (form.name() == null) {
            problems.put(PersonForm.NAME, "Enter the person's name");
        } else if (form.name().length() > ProgrammeLimits.PERSON_NAME_MAX) {
            problems.put(PersonForm.NAME, "Name must be " + ProgrammeLimits.charactersOrFewer(ProgrammeLimits.PERSON_NAME_MAX));
        }
        if (form.organisation() != null && form.organisation().length() > ProgrammeLimits.PERSON_ORGANISATION_MAX) {
            problems.put(PersonForm.ORGANISATION, "Organisation must be "
                    + ProgrammeLimits.charactersOrFewer(ProgrammeLimits.PERSON_ORGANISATION_MAX));
        }
        if (form.bio() != null && form.bio().length() > ProgrammeLimits.DESCRIPTION_MAX) {
            problems.put(PersonForm.BIO, "Biography must be " + ProgrammeLimits.charactersOrFewer(ProgrammeLimits.DESCRIPTION_MAX));
        }
        TextRule.problem("The name", form.name(), TextRule.Lines.ONE)
                .ifPresent(message -> problems.putIfAbsent(PersonForm.NAME, message));
        TextRule.problem("The organisation", form.organisation(), TextRule.Lines.ONE)
                .ifPresent(message -> problems.putIfAbsent(PersonForm.ORGANISATION, message));
        TextRule.problem("The biography", form.bio(), TextRule.Lines.MANY)
                .ifPresent(message -> problems.putIfAbsent(PersonForm.BIO, message));
        if (form.accountEmail() == null) {
            return null;
        }
        Optional<String> unstorable = TextRule.problem("The email address", form.accountEmail(), TextRule.Lines.ONE);
        if (unstorable.isPresent()) {
            problems.put(PersonForm.ACCOUNT_EMAIL, unstorable.get());
            return null;
        }
        if (!form.accountEmail().matches("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$")) {
            problems.put(PersonForm.ACCOUNT_EMAIL, "Enter an email address in the correct format, like "
                    + "name@example.org");
            return null;
        }
        Optional<Long> account = repository.accountId(form.accountEmail());
        if (account.isEmpty()) {
            problems.put(PersonForm.ACCOUNT_EMAIL, "There is no Convene account with this email address. Ask "
                    + "them to sign up first, or leave this empty");
            return null;
        }
        return account.get();
    }
}
