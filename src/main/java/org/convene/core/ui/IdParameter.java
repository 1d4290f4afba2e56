package org.convene.core.ui;

import java.util.Optional;

/** A database id read from a URL, which anyone can type: anything but a positive whole number is "not found". */
public final class IdParameter {

    private IdParameter() {
    }

    public static Optional<Long> parse(String text) {
        try {
            long id = Long.parseLong(text);
            return id > 0 ? Optional.of(id) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
