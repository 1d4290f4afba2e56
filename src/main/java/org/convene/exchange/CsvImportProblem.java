package org.convene.exchange;

/**
 * One thing wrong with a row of an imported CSV file, said so that the organiser can find it in their
 * spreadsheet: the line as the spreadsheet numbers it (the header is line 1), the column as the template names
 * it, and what to change.
 */
public record CsvImportProblem(int line, String column, String reason) {
}
