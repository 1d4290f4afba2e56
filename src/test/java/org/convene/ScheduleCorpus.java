package org.convene;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Hostile schedule files for the import, each named: shared by the HTTP corpus and the import's own tests. */
public final class ScheduleCorpus {

    private ScheduleCorpus() {
    }

    /** A one-event schedule in the frab/pretalx layout, with {@code %s} for the event's fields. */
    static String schedule(String acronym, String eventFields) {
        return """
                {"schedule": {"version": "1", "conference": {"acronym": "%s", "title": "Corpus",
                  "time_zone_name": "Europe/London", "start": "2031-06-02", "end": "2031-06-03",
                  "days": [{"index": 1, "date": "2031-06-02", "rooms": {"Main": [{%s}]}}]}}}
                """.formatted(acronym, eventFields);
    }

    private static String event(String fields) {
        return schedule("corpus-import", fields);
    }

    public static Map<String, byte[]> bodies() {
        Map<String, String> texts = new LinkedHashMap<>();
        String ok = "\"guid\": \"5a0e5a0e-0000-4000-8000-000000000001\", \"title\": \"Talk\", \"start\": \"10:00\"";
        texts.put("empty", "");
        texts.put("only spaces", "   ");
        texts.put("not JSON", "<schedule/>");
        texts.put("a JSON list", "[]");
        texts.put("a JSON string", "\"schedule\"");
        texts.put("a JSON number", "42");
        texts.put("null", "null");
        texts.put("an empty object", "{}");
        texts.put("schedule as a number", "{\"schedule\": 1}");
        texts.put("conference as a list", "{\"schedule\": {\"conference\": []}}");
        texts.put("no acronym or title", "{\"schedule\": {\"conference\": {\"days\": []}}}");
        texts.put("acronym of symbols", "{\"schedule\": {\"conference\": {\"acronym\": \"!!!\", \"days\": []}}}");
        texts.put("no events", "{\"schedule\": {\"conference\": {\"acronym\": \"corpus-empty\", \"start\": \"2031-06-02\", \"days\": []}}}");
        texts.put("days as an object", "{\"schedule\": {\"conference\": {\"acronym\": \"corpus-x\", \"days\": {}}}}");
        texts.put("rooms as a list", "{\"schedule\": {\"conference\": {\"acronym\": \"corpus-x\", \"days\": [{\"date\": \"2031-06-02\", \"rooms\": []}]}}}");
        texts.put("the schedule 2 layout", "{\"schedule\": {\"version\": \"2\", \"conference\": {\"acronym\": \"corpus-v2\", "
                + "\"title\": \"V2\", \"start\": \"2031-06-02\", \"end\": \"2031-06-03\", \"rooms\": [{\"name\": \"Main\"}]}, "
                + "\"events\": [{\"guid\": \"5a0e5a0e-0000-4000-8000-000000000002\", \"title\": \"Talk\", "
                + "\"date\": \"2031-06-02T10:00:00+01:00\", \"duration\": \"00:30\", \"room\": \"Main\"}]}}");
        texts.put("duration 99999:00", event(ok + ", \"duration\": \"99999:00\""));
        texts.put("duration of 30 digits", event(ok + ", \"duration\": \"" + "9".repeat(30) + ":00\""));
        texts.put("duration 999:99:99:99", event(ok + ", \"duration\": \"999:99:99:99\""));
        texts.put("negative duration", event(ok + ", \"duration\": \"-01:00\""));
        texts.put("zero duration", event(ok + ", \"duration\": \"00:00\""));
        texts.put("duration as a number", event(ok + ", \"duration\": 90"));
        texts.put("duration as an object", event(ok + ", \"duration\": {\"h\": 1}"));
        texts.put("start 25:99", event("\"title\": \"Talk\", \"start\": \"25:99\", \"duration\": \"00:30\""));
        texts.put("start 99999999999:00", event("\"title\": \"Talk\", \"start\": \"99999999999:00\", \"duration\": \"00:30\""));
        texts.put("date in year 99999", event("\"title\": \"Talk\", \"date\": \"+99999-06-02T10:00:00+01:00\", \"duration\": \"00:30\""));
        texts.put("date in year -5000", event("\"title\": \"Talk\", \"date\": \"-5000-06-02T10:00:00+01:00\", \"duration\": \"00:30\""));
        texts.put("date 2031-02-30", event("\"title\": \"Talk\", \"date\": \"2031-02-30T10:00:00+01:00\", \"duration\": \"00:30\""));
        texts.put("day date in year 999999", "{\"schedule\": {\"conference\": {\"acronym\": \"corpus-far\", \"days\": "
                + "[{\"date\": \"+999999-06-02\", \"rooms\": {\"Main\": [{\"title\": \"T\", \"start\": \"10:00\", \"duration\": \"00:30\"}]}}]}}}");
        texts.put("conference of 3000 years", "{\"schedule\": {\"conference\": {\"acronym\": \"corpus-long\", "
                + "\"start\": \"2031-06-02\", \"end\": \"5031-06-02\", \"days\": [{\"date\": \"2031-06-02\", \"rooms\": "
                + "{\"Main\": [{\"title\": \"T\", \"start\": \"10:00\", \"duration\": \"00:30\"}]}}]}}}");
        texts.put("end before start", event("\"title\": \"Talk\", \"start\": \"10:00\", \"end\": \"2031-06-01T10:00:00+01:00\""));
        texts.put("time zone Mars", event(ok + ", \"duration\": \"00:30\"").replace("Europe/London", "Mars/Olympus"));
        texts.put("time zone with a NUL", event(ok + ", \"duration\": \"00:30\"").replace("Europe/London", "Europe/\\u0000"));
        texts.put("title with a NUL", event("\"title\": \"Ta\\u0000lk\", \"start\": \"10:00\", \"duration\": \"00:30\""));
        texts.put("title of 10,000 characters", event("\"title\": \"" + "x".repeat(10_000) + "\", \"start\": \"10:00\", \"duration\": \"00:30\""));
        texts.put("title as a list", event("\"title\": [\"Talk\"], \"start\": \"10:00\", \"duration\": \"00:30\""));
        texts.put("room name with a NUL", event(ok + ", \"duration\": \"00:30\"").replace("\"Main\"", "\"Ma\\u0000in\""));
        texts.put("conference title with a bell", event(ok + ", \"duration\": \"00:30\"").replace("\"Corpus\"", "\"Cor\\u0007pus\""));
        texts.put("bad links", event(ok + ", \"duration\": \"00:30\", \"links\": [{\"url\": \"javascript:alert(1)\", "
                + "\"title\": \"Join\"}, {\"url\": \"https://zoom\", \"title\": \"Join\"}, {\"url\": \"https://a.example/\\u0000\", "
                + "\"title\": \"Recording\"}, {\"url\": 5}, \"not a link\"]"));
        texts.put("persons as a string", event(ok + ", \"duration\": \"00:30\", \"persons\": \"Sam\""));
        texts.put("person with a NUL and a huge biography", event(ok + ", \"duration\": \"00:30\", \"persons\": [{\"public_name\": "
                + "\"S\\u0000am\"}, {\"public_name\": \"Fay\", \"biography\": \"" + "b".repeat(100_000) + "\"}]"));
        texts.put("guid not a UUID", event("\"guid\": \"\\u0000../../\", \"title\": \"Talk\", \"start\": \"10:00\", \"duration\": \"00:30\""));
        texts.put("id of 40 digits", event("\"id\": " + "9".repeat(40) + ", \"title\": \"Talk\", \"start\": \"10:00\", \"duration\": \"00:30\""));
        texts.put("lone surrogate in the abstract", event(ok + ", \"duration\": \"00:30\", \"abstract\": \"\\ud800\""));
        texts.put("nested 5000 deep", "[".repeat(5000) + "]".repeat(5000));
        texts.put("number of 1,000 digits", "{\"schedule\": " + "9".repeat(1000) + "}");
        texts.put("truncated", event(ok + ", \"duration\": \"00:30\"").substring(0, 120));
        Map<String, byte[]> bodies = new LinkedHashMap<>();
        texts.forEach((name, text) -> bodies.put(name, text.getBytes(StandardCharsets.UTF_8)));
        bodies.put("not UTF-8", new byte[] {'{', '"', (byte) 0xC0, (byte) 0xFF, '"', ':', '1', '}'});
        return bodies;
    }
}
