package org.convene.core;

import org.convene.core.database.EmbeddedDatabaseMarker;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Whether to fill an empty database with demo accounts and the demo programme.
 * convene.demo.mode: auto (the default) = only on the embedded development database;
 * on = also on an external database; off = never.
 */
@Component
public class DemoMode {

    private final boolean active;

    public DemoMode(@Value("${convene.demo.mode:auto}") String mode, ObjectProvider<EmbeddedDatabaseMarker> embedded) {
        this.active = switch (mode.trim().toLowerCase()) {
            case "on", "true" -> true;
            case "off", "false" -> false;
            case "auto" -> embedded.getIfAvailable() != null;
            default -> throw new IllegalArgumentException(
                    "convene.demo.mode must be auto, on or off, not '" + mode + "'");
        };
    }

    public boolean isActive() {
        return active;
    }
}
