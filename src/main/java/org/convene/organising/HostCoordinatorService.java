package org.convene.organising;

import org.convene.core.SaveResult;
import org.convene.core.TextRule;
import org.convene.programme.HostRef;
import org.convene.programme.ProgrammePermissions;

import org.convene.account.AccountLimits;
import org.convene.account.EmailConfirmationService;
import org.convene.account.HostRoleService;
import org.convene.core.security.SecretTokens;
import org.convene.core.security.ConveneUser;
import org.convene.core.security.CurrentUser;
import org.convene.db.tables.records.HostInvitationRecord;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Partner hosts' coordinators. An organiser invites someone by email address for a host organisation; the link
 * is emailed to that address (through {@link HostInvitationCreated}, in the same transaction) and shown to the
 * organiser once to pass on as well (only a hash of its token is kept, as for calendar feeds and API tokens). The person opens it, signed in with the account of that address, and accepts:
 * they become a coordinator of the organisation and get the HOST role, which opens the pages for managing its
 * sessions and reading their reports. Removing the last organisation they coordinate takes the role away.
 *
 * <p>This lives in the programme feature because membership of host organisations is programme data that
 * {@link ProgrammePermissions} reads on every write; the account feature only keeps the role, through its
 * public {@link HostRoleService}, in the same transaction.
 */
@Service
@Transactional
public class HostCoordinatorService {

    public static final Duration VALID_FOR = Duration.ofDays(14);
    public static final String EMAIL = "email";
    private static final Logger log = LoggerFactory.getLogger(HostCoordinatorService.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final HostCoordinatorRepository repository;
    private final ProgrammePermissions permissions;
    private final HostRoleService hostRoles;
    private final ApplicationEventPublisher events;
    private final CurrentUser currentUser;
    private final EmailConfirmationService confirmations;
    private final Clock clock;

    HostCoordinatorService(HostCoordinatorRepository repository, ProgrammePermissions permissions,
                           HostRoleService hostRoles, ApplicationEventPublisher events, CurrentUser currentUser,
                           EmailConfirmationService confirmations, Clock clock) {
        this.confirmations = confirmations;
        this.repository = repository;
        this.permissions = permissions;
        this.hostRoles = hostRoles;
        this.events = events;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /**
     * Invites the person with this email address to coordinate the host organisation. An earlier open
     * invitation to the same address for the same organisation stops working, so only the newest link counts.
     */
    public SaveResult<NewHostInvitation> invite(long hostId, String email) {
        ConveneUser organiser = permissions.requireOrganiser();
        String hostName = repository.hostName(hostId)
                .orElseThrow(() -> new IllegalArgumentException("No host organisation " + hostId));
        String clean = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        if (clean.isEmpty()) {
            return new SaveResult.Invalid<>(Map.of(EMAIL, "Enter the email address of the person to invite"));
        }
        var unstorable = TextRule.problem("The email address", clean, TextRule.Lines.ONE);
        if (unstorable.isPresent()) {
            return new SaveResult.Invalid<>(Map.of(EMAIL, unstorable.get()));
        }
        if (clean.length() > AccountLimits.EMAIL_MAX || !clean.matches("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$")) {
            return new SaveResult.Invalid<>(Map.of(EMAIL,
                    "Enter an email address in the correct format, like name@example.org"));
        }
        if (repository.isCoordinatorByEmail(hostId, clean)) {
            return new SaveResult.Invalid<>(Map.of(EMAIL,
                    "The person with this email address already coordinates this organisation"));
        }
        Instant now = clock.instant();
        repository.revokeOpen(hostId, clean, now);
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant expires = now.plus(VALID_FOR);
        long id = repository.insertInvitation(hostId, clean, hash(token), organiser.id(), now, expires);
        log.info("User {} invited a coordinator for host {} (invitation {})", organiser.id(), hostId, id);
        String path = "/invitations/" + token;
        events.publishEvent(new HostInvitationCreated(id, hostName, clean, path, expires));
        return new SaveResult.Saved<>(new NewHostInvitation(id, clean, path, expires));
    }

    /** Invitations of this organisation not yet accepted or revoked, newest first, expired ones marked. */
    @Transactional(readOnly = true)
    public List<HostInvitation> openInvitations(long hostId) {
        permissions.requireOrganiser();
        return repository.open(hostId, clock.instant());
    }

    @Transactional(readOnly = true)
    public List<HostCoordinator> coordinators(long hostId) {
        permissions.requireOrganiser();
        return repository.coordinators(hostId);
    }

    /** Stops an invitation's link from working. False when it was already accepted or revoked. */
    public boolean revokeInvitation(long invitationId) {
        ConveneUser organiser = permissions.requireOrganiser();
        boolean revoked = repository.revoke(invitationId, clock.instant());
        if (revoked) {
            log.info("User {} revoked invitation {}", organiser.id(), invitationId);
        }
        return revoked;
    }

    /**
     * Removes a coordinator from an organisation; when they coordinate no organisation any more they lose the
     * HOST role too. Their sessions stay with the organisation.
     */
    public boolean removeCoordinator(long hostId, long userId) {
        ConveneUser organiser = permissions.requireOrganiser();
        boolean removed = repository.removeCoordinator(hostId, userId);
        if (removed && !repository.coordinatesAny(userId)) {
            hostRoles.takeAway(userId);
        }
        if (removed) {
            log.info("User {} removed user {} as coordinator of host {}", organiser.id(), userId, hostId);
        }
        return removed;
    }

    /** The organisations the signed-in person coordinates. */
    @Transactional(readOnly = true)
    public List<HostRef> myHosts() {
        return repository.hostsOf(currentUser.require().id());
    }

    /**
     * What an invitation link is, before anyone accepts it: open to anyone who has the link (the link is the
     * secret), and saying no more than the organisation's name. For someone signed in it also says whether the
     * invitation is for them, so the page can say so before they try.
     */
    @Transactional(readOnly = true)
    public InvitationOutcome preview(String token) {
        Optional<HostInvitationRecord> invitation = validToken(token) ? repository.byToken(hash(token))
                : Optional.empty();
        return invitation.map(i -> state(i, currentUser.get().orElse(null)))
                .orElseGet(HostCoordinatorService::unknown);
    }

    /**
     * Accepts an invitation for the signed-in person, whose account email must be the invited address.
     * Accepted, the result is {@link InvitationOutcome.Open}; the caller should then refresh the person's
     * signed-in roles (see {@link HostRoleService#reloadSignedIn()}).
     */
    public InvitationOutcome accept(String token) {
        ConveneUser user = currentUser.require();
        Optional<HostInvitationRecord> found = validToken(token) ? repository.byTokenForUpdate(hash(token))
                : Optional.empty();
        if (found.isEmpty()) {
            return unknown();
        }
        HostInvitationRecord invitation = found.get();
        InvitationOutcome state = state(invitation, user);
        if (state instanceof InvitationOutcome.Open open) {
            Instant now = clock.instant();
            repository.addCoordinator(open.hostId(), user.id(), now);
            repository.markAccepted(invitation.getId(), user.id(), now);
            hostRoles.give(user.id());
            log.info("User {} accepted invitation {} for host {}", user.id(), invitation.getId(), open.hostId());
        }
        return state;
    }

    private InvitationOutcome state(HostInvitationRecord invitation, @Nullable ConveneUser user) {
        String hostName = repository.hostName(invitation.getHostId()).orElse(null);
        if (hostName == null) {
            return unknown();
        }
        if (invitation.getAcceptedAt() != null) {
            return new InvitationOutcome.Refused(InvitationOutcome.Reason.ALREADY_USED, hostName,
                    "This invitation has already been used. Each invitation link works once. If you need to "
                            + "coordinate " + hostName + ", ask the organisers for a new invitation.");
        }
        if (invitation.getRevokedAt() != null) {
            return new InvitationOutcome.Refused(InvitationOutcome.Reason.REVOKED, hostName,
                    "This invitation has been withdrawn. Ask the organisers for a new one if you still need it.");
        }
        if (!invitation.getExpiresAt().isAfter(clock.instant())) {
            return new InvitationOutcome.Refused(InvitationOutcome.Reason.EXPIRED, hostName,
                    "This invitation has expired. Invitations work for 14 days. Ask the organisers for a new one.");
        }
        if (user != null && !user.email().equalsIgnoreCase(invitation.getEmail())) {
            return new InvitationOutcome.Refused(InvitationOutcome.Reason.WRONG_ACCOUNT, hostName,
                    "This invitation is for a different email address. Log in with the address it was sent to.");
        }
        if (user != null && !confirmations.isConfirmed(user.id())) {
            return new InvitationOutcome.Refused(InvitationOutcome.Reason.UNCONFIRMED_ADDRESS, hostName,
                    EmailConfirmationService.UNCONFIRMED_COORDINATOR);
        }
        return new InvitationOutcome.Open(invitation.getHostId(), hostName);
    }

    private static InvitationOutcome unknown() {
        return new InvitationOutcome.Refused(InvitationOutcome.Reason.UNKNOWN, null,
                "We could not find this invitation. Check that you copied the whole link, or ask the organisers "
                        + "for a new one.");
    }

    private static boolean validToken(String token) {
        return token != null && !token.isBlank() && token.length() <= SecretTokens.PRESENTED_MAX_LENGTH;
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
