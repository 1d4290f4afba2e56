package org.convene.programme.ui;

/** URLs of the programme management pages, some of them built by other parts of the app. */
final class ManageLinks {

    static final String HUB = "manage";
    static final String CONFERENCE_PARAMETER = "conference";

    private ManageLinks() {
    }

    static String newSession() {
        return "manage/sessions/new";
    }

    static String session(long sessionId) {
        return "manage/sessions/" + sessionId;
    }

    static String recording(long sessionId) {
        return "manage/sessions/" + sessionId + "/recording";
    }

    static String cancellation(long sessionId) {
        return "manage/sessions/" + sessionId + "/cancel";
    }

    static String withConference(String path, String slug) {
        return path + "?" + CONFERENCE_PARAMETER + "=" + slug;
    }
}
