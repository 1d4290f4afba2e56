package org.convene.exchange;

import org.convene.core.CodedProblem;
import org.springframework.util.unit.DataSize;

import java.util.Objects;

/** A schedule file over {@link ExchangeProperties#scheduleImportMaxSize()}: refused unread, code {@code SCHEDULE_TOO_LARGE}. */
public class ScheduleTooLargeException extends RuntimeException implements CodedProblem {

    public ScheduleTooLargeException(DataSize limit) {
        super("The schedule file is larger than " + inWords(limit) + ", the most Convene imports at once. "
                + "Split the programme into smaller files, or ask the operator to raise convene.exchange.schedule-import-max-size.");
    }

    private static String inWords(DataSize size) {
        return size.toBytes() % DataSize.ofMegabytes(1).toBytes() == 0 ? size.toMegabytes() + " MB"
                : size.toKilobytes() + " KB";
    }

    @Override
    public String problemCode() {
        return "SCHEDULE_TOO_LARGE";
    }

    @Override
    public Kind problemKind() {
        return Kind.TOO_LARGE;
    }

    /** Never null: says the limit and what to do. */
    @Override
    public String getMessage() {
        return Objects.requireNonNull(super.getMessage(), "made with a message");
    }
}
