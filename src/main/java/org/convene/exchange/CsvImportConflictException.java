package org.convene.exchange;

/**
 * Confirming an import was refused and nothing was written: the file has problems, or sessions changed since
 * the preview. The message says what to do next.
 */
public class CsvImportConflictException extends RuntimeException {

    public CsvImportConflictException(String message) {
        super(message);
    }
}
