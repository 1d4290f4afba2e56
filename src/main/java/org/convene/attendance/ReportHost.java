package org.convene.attendance;

/** A host organisation with sessions in a conference, for links to its report. */
public record ReportHost(long id, String name) {
}
