package org.convene.exchange;

/** The forms a whole programme is published in, by the file extension that asks for each. */
public enum ScheduleFormat {
    XML("xml"),
    JSON("json"),
    ICS("ics");

    private final String extension;

    ScheduleFormat(String extension) {
        this.extension = extension;
    }

    public String extension() {
        return extension;
    }
}
