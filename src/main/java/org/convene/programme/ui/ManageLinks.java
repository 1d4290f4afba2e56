package org.convene.programme.ui;

/** URLs of the programme management pages, some of them built by other parts of the app. */
public final class ManageLinks {

    public static final String HUB = "manage";
    public static final String CONFERENCE_PARAMETER = "conference";

    private ManageLinks() {
    }

    public static String newSession() {
        return "manage/sessions/new";
    }

    public static String session(long sessionId) {
        return "manage/sessions/" + sessionId;
    }

    public static String recording(long sessionId) {
        return "manage/sessions/" + sessionId + "/recording";
    }

    /** The session's slides and handouts (the materials feature's page). */
    public static String materials(long sessionId) {
        return "manage/sessions/" + sessionId + "/materials";
    }

    /** The session's captions: CART address, transcript corrections and publishing (the captions feature's page). */
    public static String captions(long sessionId) {
        return "manage/sessions/" + sessionId + "/captions";
    }

    /** The requests for a place at a session that needs approval (the agenda feature's page). */
    public static String registrations(long sessionId) {
        return "manage/sessions/" + sessionId + "/registrations";
    }

    public static String cancellation(long sessionId) {
        return "manage/sessions/" + sessionId + "/cancel";
    }

    public static String withConference(String path, String slug) {
        return path + "?" + CONFERENCE_PARAMETER + "=" + slug;
    }
}
