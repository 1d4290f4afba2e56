package org.convene.exchange;

/**
 * How far an import has got, for a progress bar. Called on the thread doing the work, often for every row:
 * receivers that update a page throttle the updates themselves.
 */
@FunctionalInterface
public interface CsvImportProgress {

    enum Stage { READING, CHECKING, WRITING }

    CsvImportProgress NONE = (stage, done, total) -> {
    };

    /** @param total the number of sessions in the file, or -1 while it is not known yet */
    void report(Stage stage, int done, int total);
}
