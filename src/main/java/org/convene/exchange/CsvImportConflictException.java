package org.convene.exchange;

import java.util.Objects;

/**
 * Confirming an import was refused and nothing was written: the file has problems, or sessions changed since
 * the preview. The message says what to do next.
 */
public class CsvImportConflictException extends RuntimeException {

    public CsvImportConflictException(String message) {
        super(message);
    }

    /** Never null: every refusal says what changed in between. */
    @Override
    public String getMessage() {
        return Objects.requireNonNull(super.getMessage(), "made with a message");
    }
}
