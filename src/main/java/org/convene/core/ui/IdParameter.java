package org.convene.core.ui;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.NotFoundException;

import java.util.Optional;

/**
 * A database id read from a URL, which anyone can type. The routes' {@code (\\d+)} templates keep out anything
 * but digits; what still names nothing (0, or too long for a long) is "not found" like any unknown id.
 */
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

    /** The id in route parameter {@code name}, or {@link NotFoundException}: the page-not-found view with a 404. */
    public static long require(BeforeEnterEvent event, String name) {
        return event.getRouteParameters().get(name).flatMap(IdParameter::parse)
                .orElseThrow(() -> new NotFoundException("No record with this id"));
    }
}
