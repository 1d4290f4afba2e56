package org.convene.exchange;

/** What a confirmed CSV import wrote. */
public record CsvImportResult(long conferenceId, int created, int updated, int unchanged, int tracksCreated,
                              int hostsCreated) {
}
