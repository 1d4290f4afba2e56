package org.convene.timetable.ui;

import com.vaadin.flow.router.QueryParameters;
import org.convene.programme.AccessFeature;
import org.convene.programme.SessionFormat;
import org.convene.timetable.TimetableFilter;
import org.jspecify.annotations.Nullable;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * What a timetable page shows, as its URL query string, so that a filtered view can be bookmarked,
 * shared and reloaded: ?day=2026-11-24&track=3&format=WORKSHOP&host=7&access=LIVE_CAPTIONS&q=dementia&tz=local.
 * Reading is forgiving: a value that cannot be read is left out rather than failing the page.
 * The day may be null (none given or unreadable): the page then picks one.
 */
record TimetableParams(@Nullable LocalDate day, Set<Long> tracks, Set<SessionFormat> formats, Set<Long> hosts,
                       Set<AccessFeature> access, String text, ZoneChoice zone) {

    static final String DAY = "day";
    static final String TRACK = "track";
    static final String FORMAT = "format";
    static final String HOST = "host";
    static final String ACCESS = "access";
    static final String TEXT = "q";

    TimetableParams {
        tracks = Set.copyOf(tracks);
        formats = formats.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(formats));
        hosts = Set.copyOf(hosts);
        access = access.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(access));
        text = text == null ? "" : text.strip();
        zone = zone == null ? ZoneChoice.CONFERENCE : zone;
    }

    static TimetableParams from(QueryParameters query) {
        Map<String, List<String>> parameters = query.getParameters();
        LocalDate day = first(parameters, DAY).map(TimetableParams::date).orElse(null);
        return new TimetableParams(day,
                values(parameters, TRACK, TimetableParams::id),
                values(parameters, FORMAT, v -> enumValue(SessionFormat.class, v)),
                values(parameters, HOST, TimetableParams::id),
                values(parameters, ACCESS, v -> enumValue(AccessFeature.class, v)),
                first(parameters, TEXT).orElse(""),
                ZoneChoice.parse(first(parameters, ZoneChoice.PARAMETER).orElse(null)));
    }

    /** Parameters in a fixed order and values sorted, so the same view always has the same URL. */
    QueryParameters toQuery() {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        if (day != null) {
            parameters.put(DAY, List.of(day.toString()));
        }
        putAll(parameters, TRACK, new TreeSet<>(tracks));
        putAll(parameters, FORMAT, formats.isEmpty() ? List.of() : EnumSet.copyOf(formats));
        putAll(parameters, HOST, new TreeSet<>(hosts));
        putAll(parameters, ACCESS, access.isEmpty() ? List.of() : EnumSet.copyOf(access));
        if (!text.isEmpty()) {
            parameters.put(TEXT, List.of(text));
        }
        String tz = zone.parameterValue();
        if (tz != null) {
            parameters.put(ZoneChoice.PARAMETER, List.of(tz));
        }
        return new QueryParameters(parameters);
    }

    TimetableFilter filter(LocalDate effectiveDay) {
        return new TimetableFilter(effectiveDay, tracks, formats, hosts, access, text);
    }

    boolean isNarrowed() {
        return filter(LocalDate.MIN).isNarrowed();
    }

    TimetableParams withDay(LocalDate value) {
        return new TimetableParams(value, tracks, formats, hosts, access, text, zone);
    }

    TimetableParams withZone(ZoneChoice value) {
        return new TimetableParams(day, tracks, formats, hosts, access, text, value);
    }

    TimetableParams withFilters(Set<Long> newTracks, Set<SessionFormat> newFormats, Set<Long> newHosts,
                                Set<AccessFeature> newAccess, String newText) {
        return new TimetableParams(day, newTracks, newFormats, newHosts, newAccess, newText, zone);
    }

    /** Keeps the day and the time zone: clearing filters should not move the reader elsewhere. */
    TimetableParams withoutFilters() {
        return new TimetableParams(day, Set.of(), Set.of(), Set.of(), Set.of(), "", zone);
    }

    private static Optional<String> first(Map<String, List<String>> parameters, String name) {
        List<String> values = parameters.getOrDefault(name, List.of());
        return values.stream().filter(v -> v != null && !v.isBlank()).findFirst();
    }

    /** Accepts repeated parameters (track=1&track=2) and comma-separated ones (track=1,2). */
    private static <T> Set<T> values(Map<String, List<String>> parameters, String name, Function<String, T> parser) {
        Set<T> result = new LinkedHashSet<>();
        for (String value : parameters.getOrDefault(name, List.of())) {
            for (String part : value.split(",")) {
                T parsed = parser.apply(part.strip());
                if (parsed != null) {
                    result.add(parsed);
                }
            }
        }
        return result;
    }

    private static void putAll(Map<String, List<String>> parameters, String name, Collection<?> values) {
        if (!values.isEmpty()) {
            List<String> texts = new ArrayList<>();
            values.forEach(v -> texts.add(v instanceof Enum<?> e ? e.name() : v.toString()));
            parameters.put(name, texts);
        }
    }

    private static @Nullable LocalDate date(String value) {
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static @Nullable Long id(String value) {
        try {
            long id = Long.parseLong(value);
            return id > 0 ? id : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static <E extends Enum<E>> @Nullable E enumValue(Class<E> type, String value) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
