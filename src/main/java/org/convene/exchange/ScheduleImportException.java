package org.convene.exchange;

/** A schedule that cannot be understood. The message names the place in the file and what is wrong there. */
public class ScheduleImportException extends RuntimeException {

    public ScheduleImportException(String message) {
        super(message);
    }
}
