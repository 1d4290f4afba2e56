package org.convene.exchange;

import org.convene.programme.AccessFeature;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The CSV template's columns, in its order. Headers match ignoring case, spaces and punctuation. */
enum CsvColumn {
    REFERENCE("reference", true),
    TITLE("title", true),
    DESCRIPTION("description", false, "summary"),
    FORMAT("format", true, "type"),
    DATE("date", true, "day"),
    START("start", true, "start time", "starts"),
    END("end", true, "end time", "ends"),
    TRACK("track", false),
    HOST("host", false, "host organisation"),
    JOINING_LINK("joining link", false, "join url", "join link", "link"),
    PLACES("places", false, "capacity"),
    BSL("bsl", false, "bsl interpretation"),
    CAPTIONS("captions", false, "live captions"),
    EASY_READ("easy read", false),
    AUDIO_OR_PHONE("audio or phone", false, "audio only or phone"),
    BREAKS("breaks", false, "built in breaks"),
    ACCESS_NOTES("access notes", false),
    FACILITATOR_EMAILS("facilitator emails", false, "facilitators");

    /** The yes/no columns, and the access feature each turns on or off. */
    static final Map<CsvColumn, AccessFeature> ACCESS = new EnumMap<>(Map.of(
            BSL, AccessFeature.BSL_INTERPRETATION,
            CAPTIONS, AccessFeature.LIVE_CAPTIONS,
            EASY_READ, AccessFeature.EASY_READ,
            AUDIO_OR_PHONE, AccessFeature.AUDIO_OR_PHONE,
            BREAKS, AccessFeature.BUILT_IN_BREAKS));

    private static final Map<String, CsvColumn> BY_KEY = new HashMap<>();

    static {
        for (CsvColumn column : values()) {
            BY_KEY.put(key(column.header), column);
            column.aliases.forEach(alias -> BY_KEY.put(key(alias), column));
        }
    }

    private final String header;
    private final boolean required;
    private final List<String> aliases;

    CsvColumn(String header, boolean required, String... aliases) {
        this.header = header;
        this.required = required;
        this.aliases = List.of(aliases);
    }

    String header() {
        return header;
    }

    boolean required() {
        return required;
    }

    /** The column's name at the start of a sentence. */
    String sentenceName() {
        return this == BSL ? "BSL" : header.substring(0, 1).toUpperCase(Locale.ROOT) + header.substring(1);
    }

    /** The column a header names, by its template name or one of the names spreadsheets commonly use. */
    static Optional<CsvColumn> named(String header) {
        return Optional.ofNullable(BY_KEY.get(key(header)));
    }

    /** A name reduced to lower-case letters and digits, so that "Start time" and "start_time" match. */
    static String key(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
