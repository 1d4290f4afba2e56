package org.convene.organising;

import org.convene.programme.ProgrammeLimits;
import org.jspecify.annotations.Nullable;
import org.convene.core.SaveResult;
import org.convene.core.TextRule;
import org.convene.core.security.ConveneUser;
import org.convene.programme.ProgrammePermissions;
import org.convene.programme.WebAddresses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.convene.organising.ConferenceAdminService.strip;

/**
 * Organisers manage host organisations: the list, adding one and changing one. Every method checks on the server that
 * the caller is an organiser; saving returns every problem of the form at once, or a conflict when someone
 * else saved the same record since the form was loaded.
 */
@Service
@Transactional
public class HostAdminService {

    private static final Logger log = LoggerFactory.getLogger(HostAdminService.class);

    private final HostAdminRepository repository;
    private final ProgrammePermissions permissions;

    HostAdminService(HostAdminRepository repository, ProgrammePermissions permissions) {
        this.repository = repository;
        this.permissions = permissions;
    }

    @Transactional(readOnly = true)
    public List<HostRow> hosts(String filter, int offset, int limit) {
        permissions.requireOrganiser();
        return repository.hosts(filter, offset, limit);
    }

    @Transactional(readOnly = true)
    public int countHosts(String filter) {
        permissions.requireOrganiser();
        return repository.countHosts(filter);
    }

    @Transactional(readOnly = true)
    public Optional<HostEdit> host(long id) {
        permissions.requireOrganiser();
        return repository.host(id);
    }

    public SaveResult<HostEdit> createHost(HostForm form) {
        ConveneUser organiser = permissions.requireOrganiser();
        HostForm clean = clean(form);
        Map<String, String> problems = hostProblems(clean, null);
        if (!problems.isEmpty()) {
            return new SaveResult.Invalid<>(problems);
        }
        Optional<Long> id = repository.insertHost(clean);
        if (id.isEmpty()) {
            return new SaveResult.Invalid<>(Map.of(HostForm.NAME, hostTaken(clean.name())));
        }
        log.info("User {} created host organisation {}", organiser.id(), id.get());
        return new SaveResult.Saved<>(repository.host(id.get()).orElseThrow());
    }

    public SaveResult<HostEdit> updateHost(long id, int expectedVersion, HostForm form) {
        ConveneUser organiser = permissions.requireOrganiser();
        HostForm clean = clean(form);
        Map<String, String> problems = hostProblems(clean, id);
        if (!problems.isEmpty()) {
            return new SaveResult.Invalid<>(problems);
        }
        boolean saved;
        try {
            saved = repository.updateHost(id, expectedVersion, clean);
        } catch (org.springframework.dao.DuplicateKeyException e) {
            return new SaveResult.Invalid<>(Map.of(HostForm.NAME, hostTaken(clean.name())));
        }
        if (!saved) {
            return new SaveResult.Conflict<>();
        }
        log.info("User {} changed host organisation {}", organiser.id(), id);
        return new SaveResult.Saved<>(repository.host(id).orElseThrow());
    }

    private static HostForm clean(HostForm form) {
        return new HostForm(strip(form.name()), strip(form.website()), strip(form.description()));
    }

    private static String hostTaken(@Nullable String name) {
        return "There is already a host organisation called \u201c" + name + "\u201d. Open it from the list "
                + "instead, or use a different name";
    }

    private Map<String, String> hostProblems(HostForm form, @Nullable Long id) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (form.name() == null) {
            problems.put(HostForm.NAME, "Enter the organisation's name");
        } else if (form.name().length() > ProgrammeLimits.HOST_NAME_MAX) {
            problems.put(HostForm.NAME, "Organisation name must be "
                    + ProgrammeLimits.charactersOrFewer(ProgrammeLimits.HOST_NAME_MAX));
        } else if (TextRule.problem("The name", form.name(), TextRule.Lines.ONE).isPresent()) {
            problems.put(HostForm.NAME, TextRule.problem("The name", form.name(), TextRule.Lines.ONE).orElseThrow());
        } else if (repository.hostNameTaken(form.name(), id)) {
            problems.put(HostForm.NAME, hostTaken(form.name()));
        }
        if (form.website() != null && !WebAddresses.isValid(form.website())) {
            problems.put(HostForm.WEBSITE, "Enter a website address that starts with https:// or http://, "
                    + "like https://www.example.org");
        }
        if (form.description() != null && form.description().length() > ProgrammeLimits.DESCRIPTION_MAX) {
            problems.put(HostForm.DESCRIPTION, "Description must be "
                    + ProgrammeLimits.charactersOrFewer(ProgrammeLimits.DESCRIPTION_MAX));
        }
        TextRule.problem("The description", form.description(), TextRule.Lines.MANY)
                .ifPresent(message -> problems.putIfAbsent(HostForm.DESCRIPTION, message));
        return problems;
    }
}
