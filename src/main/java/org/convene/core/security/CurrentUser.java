package org.convene.core.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** The person making the current request, if they have signed in. */
@Component
public class CurrentUser {

    public Optional<ConveneUser> get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof ConveneUser user) {
            return Optional.of(user);
        }
        return Optional.empty();
    }

    public ConveneUser require() {
        return get().orElseThrow(() -> new NotSignedInException());
    }

    public static class NotSignedInException extends RuntimeException {
        public NotSignedInException() {
            super("You need to sign in to do that.");
        }
    }
}
