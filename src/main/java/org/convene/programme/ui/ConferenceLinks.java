package org.convene.programme.ui;

/** The URLs of programme pages, in one place so that links and routes agree. */
public final class ConferenceLinks {

    private ConferenceLinks() {
    }

    public static String timetable(String slug) {
        return "conferences/" + slug;
    }

    public static String session(long sessionId) {
        return "sessions/" + sessionId;
    }
}
