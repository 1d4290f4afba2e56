package org.convene.attendance;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import java.util.Optional;

/**
 * Reads a meeting tool's participant report into stays (docs/attendance-import.md lists the columns read). Pure:
 * what is wrong comes back as sentences naming the line, never as an exception, and a file with any problem gives
 * no participants at all.
 */
final class MeetingReports {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private MeetingReports() {
    }

    static ReportReading read(MeetingTool tool, byte[] file, RawStay.Context context) {
        if (file.length == 0) {
            return ReportReading.Unreadable.of("The file is empty. Download the report from "
                    + tool.label() + " again and upload that file.");
        }
        if (file.length > ImportLimits.MAX_BYTES) {
            return ReportReading.Unreadable.of("The file is larger than " + ImportLimits.MAX_BYTES / (1024 * 1024)
                    + " MB. Is it the participant report of one meeting?");
        }
        if (ReportTable.looksLikeExcel(file)) {
            return ReportReading.Unreadable.of("This is an Excel workbook. Download the report from "
                    + tool.label() + " as a CSV file, or save it from Excel as 'CSV UTF-8', and upload that.");
        }
        Optional<String> text = ReportTable.text(file);
        if (text.isEmpty()) {
            return ReportReading.Unreadable.of("The file could not be read as text. Download the report from "
                    + tool.label() + " again and upload the file without changing it.");
        }
        if (tool == MeetingTool.BIGBLUEBUTTON && text.get().strip().startsWith("{")) {
            return bigBlueButtonJson(text.get(), context);
        }
        Optional<List<ReportTable.Row>> rows = ReportTable.rows(text.get());
        if (rows.isEmpty()) {
            return ReportReading.Unreadable.of("The file could not be read as a table (CSV). Download the report "
                    + "from " + tool.label() + " again and upload the file without changing it.");
        }
        return switch (tool) {
            case ZOOM -> zoom(rows.get(), context);
            case TEAMS -> teams(rows.get(), context);
            case BIGBLUEBUTTON -> bigBlueButtonCsv(rows.get(), context);
        };
    }

    // ---- Zoom ---------------------------------------------------------------------------------------------------

    /**
     * Zoom's participant report: an optional meeting summary, then "Name (original name)", "User email",
     * "Join time", "Leave time", "Duration (minutes)", "Guest" and, in newer exports, "In waiting room". Time
     * in the waiting room is not time in the meeting, so those lines are left out.
     */
    private static ReportReading zoom(List<ReportTable.Row> rows, RawStay.Context context) {
        Optional<ReportTable.Header> found = ReportTable.header(rows, h -> name(h) != null
                && h.column("join time") != null && h.column("leave time") != null);
        if (found.isEmpty()) {
            return missingColumns("Zoom", "'Name (original name)', 'Join time' and 'Leave time'",
                    "In Zoom, open Reports, then Usage, choose the meeting's number of participants and "
                            + "select Export.");
        }
        ReportTable.Header h = found.get();
        Integer waiting = h.column("in waiting room");
        List<RawStay> stays = new ArrayList<>();
        int waited = 0;
        for (ReportTable.Row row : ReportTable.body(rows, h)) {
            if (waiting != null && row.cell(waiting).strip().equalsIgnoreCase("yes")) {
                waited++;
                continue;
            }
            stays.add(stay(row, "Line " + row.line(), name(h), h.column("user email", "email"),
                    h.column("join time"), h.column("leave time")));
        }
        List<String> notes = waited == 0 ? List.of()
                : List.of(waited + " lines of time in the waiting room were left out: it is not time in the meeting.");
        return RawStay.finish(stays, context, notes);
    }

    private static @Nullable Integer name(ReportTable.Header h) {
        Integer exact = h.column("name (original name)", "name", "participant", "user name", "full name");
        return exact != null ? exact : h.columnStartingWith("name (");
    }

    // ---- Teams --------------------------------------------------------------------------------------------------

    /**
     * Teams' attendance report: "1. Summary", "2. Participants" (each person's "First Join" and "Last Leave") and
     * "3. In-Meeting Activities" (every "Join Time" and "Leave Time"). The activities are read when present,
     * since one stay from first join to last leave would count the time someone was away.
     */
    private static ReportReading teams(List<ReportTable.Row> rows, RawStay.Context context) {
        Optional<ReportTable.Header> activities = ReportTable.header(rows, h -> h.column("name", "full name") != null
                && h.column("join time") != null && h.column("leave time") != null);
        Optional<ReportTable.Header> participants = ReportTable.header(rows,
                h -> h.column("name", "full name") != null && h.column("first join") != null
                        && h.column("last leave") != null);
        if (activities.isPresent()) {
            ReportTable.Header h = activities.get();
            List<RawStay> stays = teamsStays(rows, h, h.column("join time"), h.column("leave time"));
            // the activities often leave the email out where the participants list has it (as the UPN)
            Map<String, String> emails = new HashMap<>();
            participants.ifPresent(p -> teamsStays(rows, p, p.column("first join"), p.column("last leave"))
                    .forEach(s -> emails.putIfAbsent(s.name().strip(), s.email())));
            stays = stays.stream().map(s -> RawStay.email(s.email()) != null ? s
                    : new RawStay(s.line(), s.where(), s.name(), emails.getOrDefault(s.name().strip(), ""),
                    s.joined(), s.left())).toList();
            return RawStay.finish(stays, context,
                    List.of("Read from the section '3. In-Meeting Activities': every join and leave."));
        }
        if (participants.isPresent()) {
            ReportTable.Header h = participants.get();
            return RawStay.finish(teamsStays(rows, h, h.column("first join"), h.column("last leave")), context,
                    List.of("The file has no '3. In-Meeting Activities' section, so each person counts from their "
                            + "first join to their last leave, including any time away."));
        }
        return missingColumns("Microsoft Teams", "'Name', 'Join Time' and 'Leave Time' (or 'First Join' and "
                + "'Last Leave')", "In Teams, open the meeting's Attendance tab and select Download.");
    }

    private static List<RawStay> teamsStays(List<ReportTable.Row> rows, ReportTable.Header h, @Nullable Integer join,
                                            @Nullable Integer leave) {
        Integer email = h.column("email");
        Integer upn = h.column("participant id (upn)", "upn");
        List<RawStay> stays = new ArrayList<>();
        for (ReportTable.Row row : ReportTable.body(rows, h)) {
            RawStay stay = stay(row, "Line " + row.line(), h.column("name", "full name"), email, join, leave);
            if (RawStay.email(stay.email()) == null && upn != null) {
                stay = new RawStay(stay.line(), stay.where(), stay.name(), row.cell(upn), stay.joined(), stay.left());
            }
            stays.add(stay);
        }
        return stays;
    }

    // ---- BigBlueButton ------------------------------------------------------------------------------------------

    /**
     * The learning dashboard's session data as JSON: "users", each with "name", "extId" (used as the email when
     * it is one), and "intIds", each connection with "registeredOn" and "leftOn" in milliseconds since 1970.
     * A connection still open when the data was saved ("leftOn" 0) ends at the meeting's "endedOn".
     */
    private static ReportReading bigBlueButtonJson(String text, RawStay.Context context) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JacksonException e) {
            return ReportReading.Unreadable.of("The file could not be read as JSON: it may be cut short. Download "
                    + "the session data from BigBlueButton's learning dashboard again.");
        }
        JsonNode users = root.path("users");
        if (!users.isObject() && !users.isArray()) {
            return ReportReading.Unreadable.of("The file has no 'users': it is not the session data of "
                    + "BigBlueButton's learning dashboard.");
        }
        long endedOn = root.path("endedOn").asLong(0);
        List<RawStay> stays = new ArrayList<>();
        int position = 0;
        for (JsonNode user : users.isObject() ? users.values() : users) {
            position++;
            String name = user.path("name").asString("");
            String where = "Person " + position + (name.isBlank() ? "" : " (" + name.strip() + ")");
            String email = user.path("extId").asString("");
            List<JsonNode> connections = new ArrayList<>();
            if (user.path("intIds").isObject()) {
                user.path("intIds").values().forEach(connections::add);
            } else {
                connections.add(user);
            }
            for (JsonNode connection : connections) {
                stays.add(new RawStay(position, where, name, email, millis(connection.path("registeredOn"), 0),
                        millis(connection.path("leftOn"), endedOn)));
            }
        }
        return RawStay.finish(stays, context, List.of());
    }

    /** An ISO time for a number of milliseconds (or the fallback when it is 0), else the text as found. */
    private static String millis(JsonNode value, long fallback) {
        long at = value.isNumber() ? value.asLong() : 0;
        if (at == 0 && (value.isMissingNode() || value.isNumber())) {
            at = fallback;
        }
        if (at > 0) {
            return Instant.ofEpochMilli(at).toString();
        }
        return value.isMissingNode() || value.isNull() ? "" : value.asString("");
    }

    /**
     * A CSV of the dashboard's users with join and leave times: "Name", "Joined" (or "Join", "Join time",
     * "Registered on"), "Left" (or "Leave", "Leave time", "Left on") and an email column if there is one.
     */
    private static ReportReading bigBlueButtonCsv(List<ReportTable.Row> rows, RawStay.Context context) {
        String[] joins = {"joined", "join", "join time", "registered on"};
        String[] leaves = {"left", "leave", "leave time", "left on"};
        Optional<ReportTable.Header> found = ReportTable.header(rows, h -> h.column("name") != null
                && h.column(joins) != null && h.column(leaves) != null);
        if (found.isEmpty()) {
            return missingColumns("BigBlueButton", "'Name', 'Joined' and 'Left'", "In the learning dashboard, "
                    + "download the session data (the JSON file is best).");
        }
        ReportTable.Header h = found.get();
        List<RawStay> stays = new ArrayList<>();
        for (ReportTable.Row row : ReportTable.body(rows, h)) {
            stays.add(stay(row, "Line " + row.line(), h.column("name"), h.column("email", "ext id", "extid",
                    "external id"), h.column(joins), h.column(leaves)));
        }
        return RawStay.finish(stays, context, List.of());
    }

    // ---- shared -------------------------------------------------------------------------------------------------

    private static RawStay stay(ReportTable.Row row, String where, @Nullable Integer name,
                                @Nullable Integer email, @Nullable Integer join, @Nullable Integer leave) {
        return new RawStay(row.line(), where, row.cell(name), row.cell(email), row.cell(join), row.cell(leave));
    }

    private static ReportReading missingColumns(String tool, String columns, String howTo) {
        return ReportReading.Unreadable.of("This does not look like a " + tool + " report: no line has the "
                + "columns " + columns + ". " + howTo);
    }

}
