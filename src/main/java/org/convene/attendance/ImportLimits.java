package org.convene.attendance;

/**
 * The limits of an attendance import, used by the reader, the service, the page and (for the lengths) the checks
 * of db/V31. A webinar with a few thousand people makes a report of well under a megabyte.
 */
public final class ImportLimits {

    /** The largest file read; a larger one is refused before it is read. */
    public static final int MAX_BYTES = 5 * 1024 * 1024;
    /** The most joins and leaves one file may hold. */
    public static final int MAX_ROWS = 20_000;
    /** The longest name kept (attendance_import_row.name). */
    public static final int MAX_NAME = 200;
    /** The longest file name kept (attendance_import.file_name). */
    public static final int MAX_FILE_NAME = 255;
    /** The problems listed for a bad file; the rest are counted. */
    public static final int MAX_PROBLEMS_SHOWN = 20;

    private ImportLimits() {
    }
}
