package org.convene.core.personal;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * One table of a person's data, as it goes into their download: a name (the file's), a sentence in plain words
 * saying what it is, column headings and rows of text. Times are written in UTC (ISO 8601), as in every other
 * download.
 *
 * @param name  lower case with dashes, unique within its section
 * @param about a plain sentence for the read-me that comes with the download
 */
public record PersonalDataTable(String name, String about, List<String> columns, List<List<String>> rows) {

    public PersonalDataTable {
        columns = List.copyOf(columns);
        rows = rows.stream().map(row -> Collections.unmodifiableList(new ArrayList<>(row))).toList();
        for (List<String> row : rows) {
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException("Table " + name + " has " + columns.size() + " columns but a row of "
                        + row.size());
            }
        }
    }

    /**
     * A table from rows of values as a query returns them: null becomes an empty cell, an {@link Instant} its ISO
     * text, anything else its {@code toString()} (enums their name).
     */
    public static PersonalDataTable of(String name, String about, List<String> columns,
                                       List<? extends List<? extends @Nullable Object>> rows) {
        return new PersonalDataTable(name, about, columns,
                rows.stream().map(row -> row.stream().map(PersonalDataTable::cell).toList()).toList());
    }

    static String cell(@Nullable Object value) {
        return value == null ? "" : Objects.toString(value);
    }
}
