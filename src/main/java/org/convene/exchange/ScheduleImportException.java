package org.convene.exchange;

import org.convene.core.CodedProblem;
import java.util.Objects;

/** A schedule that cannot be understood. The message names the place in the file and what is wrong there. */
public class ScheduleImportException extends RuntimeException implements CodedProblem {

    public ScheduleImportException(String message) {
        super(message);
    }

    @Override
    public String problemCode() {
        return "INVALID_SCHEDULE";
    }

    @Override
    public Kind problemKind() {
        return Kind.INVALID;
    }

    /** Never null: every refusal says what is wrong with the file. */
    @Override
    public String getMessage() {
        return Objects.requireNonNull(super.getMessage(), "made with a message");
    }
}
