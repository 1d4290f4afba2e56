package org.convene.attendance;

/** The meeting tools whose participant reports Convene reads (attendance_import.format). */
public enum MeetingTool {
    ZOOM("Zoom", "the participant report (CSV)"),
    TEAMS("Microsoft Teams", "the attendance report (CSV)"),
    BIGBLUEBUTTON("BigBlueButton", "the learning dashboard's session data (JSON or CSV)");

    private final String label;
    private final String fileDescription;

    MeetingTool(String label, String fileDescription) {
        this.label = label;
        this.fileDescription = fileDescription;
    }

    public String label() {
        return label;
    }

    public String fileDescription() {
        return fileDescription;
    }
}
