package org.convene.bench;

import org.convene.ConveneApplication;
import org.convene.attendance.AttendanceReportService;
import org.convene.attendance.AttendanceReportService.Table;
import org.convene.core.database.EmbeddedPostgresServer;
import org.convene.core.security.ConveneUser;
import org.convene.core.security.Role;
import org.flywaydb.core.Flyway;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Attendance report benchmark (docs/benchmarks.md, "Attendance reports"); not a unit test. Starts an embedded
 * PostgreSQL, applies the migrations, generates 1,000,000 intervals over five days, 40 sessions and 20,000
 * attendees with generate_series (src/test/resources/bench/attendance-data.sql), starts Convene on it, then
 * times each report through the real service as an organiser (median of several runs; figures are worked out on
 * every read), streams the export of every interval and samples the heap meanwhile,
 * and writes EXPLAIN ANALYZE plans of the report SQL to target/bench-attendance/plans.txt.
 *
 * Arguments: [runs=7]
 */
public final class AttendanceReportBenchmark {

    private static final Path DIR = Path.of("target/bench-attendance");

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        String url = EmbeddedPostgresServer.jdbcUrl(DIR.resolve("pg"), 0, true);
        System.out.println("Embedded PostgreSQL: " + url);
        Flyway.configure().dataSource(url, "postgres", "postgres").locations("filesystem:db").load().migrate();

        long t0 = System.nanoTime();
        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres")) {
            runScript(c, resource("bench/attendance-data.sql"));
            try (Statement s = c.createStatement()) {
                s.execute("vacuum analyze");
            }
            System.out.printf(Locale.ROOT, "Generated the data in %.1f s: %s%n", (System.nanoTime() - t0) / 1e9,
                    counts(c));
        }

        ConfigurableApplicationContext app = new SpringApplicationBuilder(ConveneApplication.class)
                .properties("spring.datasource.url=" + url, "spring.datasource.username=postgres",
                        "spring.datasource.password=postgres", "server.port=0", "convene.demo.mode=off",
                        "vaadin.productionMode=true", "logging.level.root=warn", "spring.main.banner-mode=off")
                .run();
        try {
            new AttendanceReportBenchmark(app, url, runs).run();
        } finally {
            app.close();
            EmbeddedPostgresServer.stop(DIR.resolve("pg"));
        }
    }

    private final AttendanceReportService reports;
    private final String url;
    private final int runs;
    private final List<String> results = new ArrayList<>();

    private AttendanceReportBenchmark(ConfigurableApplicationContext app, String url, int runs) {
        this.reports = app.getBean(AttendanceReportService.class);
        this.url = url;
        this.runs = runs;
    }

    private void run() throws Exception {
        ConveneUser organiser = new ConveneUser(-1, "bench@bench.example", "Bench organiser", "",
                EnumSet.of(Role.ATTENDEE, Role.ORGANISER));
        SecurityContextHolder.getContext().setAuthentication(
                new UsernamePasswordAuthenticationToken(organiser, null, organiser.getAuthorities()));

        long conferenceId;
        List<Long> sessions = new ArrayList<>();
        long hostId;
        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres");
             Statement s = c.createStatement()) {
            ResultSet r = s.executeQuery("select id from conference where slug = 'bench-week'");
            r.next();
            conferenceId = r.getLong(1);
            r = s.executeQuery("select id from programme_session where conference_id = " + conferenceId + " order by id");
            while (r.next()) {
                sessions.add(r.getLong(1));
            }
            r = s.executeQuery("select min(host_id) from programme_session where conference_id = " + conferenceId);
            r.next();
            hostId = r.getLong(1);
        }
        List<Long> sample = List.of(sessions.get(0), sessions.get(5), sessions.get(17), sessions.get(28), sessions.get(39));

        // warm the JIT and the database's buffers once, untimed
        reports.overview("bench-week");
        reports.sessionRanking(conferenceId, 0, 50);
        for (long id : sample) {
            reports.sessionReport(id, 5);
        }

        // Figures are worked out on every read (nothing is cached since db/V37), so every row is "computed".
        time("Per-session report, figures computed, 5-minute chart + first 50 attendees + their count", () ->
                sessionReport(sample.get((int) (System.nanoTime() % sample.size()))), false);
        time("Per-session report, figures computed, 1-minute chart", () ->
                reports.sessionReport(sample.get(1), 1).orElseThrow().series().size(), false);
        time("Attendee list, the first page of 50", () -> reports.attendees(sample.get(2), 0, 50).size(), false);
        time("Attendee list, a page of 50 deep in the list (offset 20,000)", () ->
                reports.attendees(sample.get(2), 20_000, 50).size(), false);
        time("Conference overview, figures computed", () ->
                reports.overview("bench-week").orElseThrow().uniqueAttendees(), false);
        time("Sessions ranked by attendance, all 40 sessions' figures computed in one statement", () ->
                reports.sessionRanking(conferenceId, 0, 50).size(), false);
        time("Host report (5 sessions), figures computed", () ->
                reports.hostReport("bench-week", hostId).orElseThrow().sessions().size(), false);

        sideBySide(conferenceId, sample);
        export(conferenceId);
        explain(conferenceId, sample.get(1), sessions);

        System.out.println();
        System.out.println("| What | Median | Min | Max |");
        System.out.println("|---|---|---|---|");
        results.forEach(System.out::println);
    }

    private int sessionReport(long id) {
        int n = reports.sessionReport(id, 5).orElseThrow().series().size();
        n += reports.attendees(id, 0, 50).size();
        return n + reports.attendeeRowCount(id);
    }

    private void time(String what, Callable<Object> work, boolean fewerRuns) throws Exception {
        int n = fewerRuns ? Math.max(3, runs / 2) : runs;
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long start = System.nanoTime();
            work.call();
            ms.add((System.nanoTime() - start) / 1e6);
        }
        ms.sort(Double::compare);
        double median = ms.get(ms.size() / 2);
        String line = String.format(Locale.ROOT, "| %s | %.0f ms | %.0f ms | %.0f ms |", what, median, ms.getFirst(),
                ms.getLast());
        System.out.println(line + " (" + n + " runs)");
        results.add(line);
    }

    /**
     * The statements before db/V34 (src/test/resources/bench/before-v34/: from the intervals, windows counted
     * rather than people) and the current ones (from the kept presence), run alternately on the same data over
     * plain JDBC, so both see the same load on a shared machine. A session: its summary and its minute-by-minute
     * presence; the conference: its figures and its days.
     */
    private void sideBySide(long conferenceId, List<Long> sample) throws Exception {
        String before = "bench/before-v34/";
        String now = "org/convene/attendance/sql/";
        List<Double> oldSession = new ArrayList<>();
        List<Double> newSession = new ArrayList<>();
        List<Double> oldConference = new ArrayList<>();
        List<Double> newConference = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres")) {
            for (int round = 0; round < runs; round++) {
                long id = sample.get(round % sample.size());
                oldSession.add(timed(c, before + "session-summary.sql", id) + timed(c, before + "session-series.sql", 1, id));
                newSession.add(timed(c, now + "session-figures.sql", c.createArrayOf("bigint", new Long[] {id}), 0, 1));
                if (round < Math.max(3, runs / 2)) {
                    oldConference.add(timed(c, before + "conference-figures.sql", conferenceId)
                            + timed(c, before + "conference-days.sql", conferenceId));
                    newConference.add(timed(c, now + "conference-figures.sql", conferenceId)
                            + timed(c, now + "conference-days.sql", conferenceId));
                }
            }
        }
        row("SQL side by side: a session's figures and minutes, before db/V34 (from the intervals)", oldSession);
        row("SQL side by side: a session's figures and minutes, now (kept presence)", newSession);
        row("SQL side by side: the conference's figures and days, before db/V34", oldConference);
        row("SQL side by side: the conference's figures and days, now (kept presence)", newConference);
    }

    private static double timed(Connection c, String file, Object... params) throws Exception {
        String sql = resource(file);
        long start = System.nanoTime();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    r.getObject(1);
                }
            }
        }
        return (System.nanoTime() - start) / 1e6;
    }

    private void row(String what, List<Double> ms) {
        ms.sort(Double::compare);
        String line = String.format(Locale.ROOT, "| %s | %.0f ms | %.0f ms | %.0f ms |", what, ms.get(ms.size() / 2),
                ms.getFirst(), ms.getLast());
        System.out.println(line + " (" + ms.size() + " runs)");
        results.add(line);
    }

    /** Streams every interval as CSV into a writer that only counts, sampling the used heap meanwhile. */
    private void export(long conferenceId) throws Exception {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int round = 1; round <= 2; round++) {
            System.gc();
            long before = memory.getHeapMemoryUsage().getUsed();
            AtomicLong peak = new AtomicLong(before);
            AtomicBoolean done = new AtomicBoolean();
            Thread sampler = Thread.ofPlatform().daemon().start(() -> {
                while (!done.get()) {
                    peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                    try {
                        Thread.sleep(10);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            CountingWriter out = new CountingWriter();
            long start = System.nanoTime();
            long rows = reports.writeCsv(Table.CONFERENCE_INTERVALS, conferenceId, "bench-week", out,
                    AttendanceReportService.Progress.NONE);
            double seconds = (System.nanoTime() - start) / 1e9;
            done.set(true);
            sampler.join();
            String line = String.format(Locale.ROOT,
                    "| Export of every interval (run %d): %,d rows, %.0f MB of CSV in %.2f s = %,.0f rows/s; heap used %.0f MB before, peak %.0f MB (max heap %.0f MB) | | | |",
                    round, rows, out.chars / 1e6, seconds, rows / seconds, before / 1e6, peak.get() / 1e6,
                    memory.getHeapMemoryUsage().getMax() / 1e6);
            System.out.println(line);
            results.add(line);
        }
    }

    private void explain(long conferenceId, long sessionId, List<Long> sessions) throws Exception {
        StringBuilder plans = new StringBuilder();
        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres")) {
            plan(c, plans, "session-figures.sql", c.createArrayOf("bigint", new Long[] {sessionId}), 0, 1);
            plan(c, plans, "session-figures.sql", c.createArrayOf("bigint", sessions.toArray(Long[]::new)), 0, 50);
            plan(c, plans, "session-attendees.sql", sessionId, 0, 50, sessionId);
            plan(c, plans, "conference-figures.sql", conferenceId);
            plan(c, plans, "conference-days.sql", conferenceId);
            plan(c, plans, "conference-intervals.sql", conferenceId, conferenceId);
        }
        Files.createDirectories(DIR);
        Files.writeString(DIR.resolve("plans.txt"), plans);
        System.out.println("Query plans written to " + DIR.resolve("plans.txt"));
    }

    private static void plan(Connection c, StringBuilder out, String file, Object... params) throws Exception {
        String sql = resource("org/convene/attendance/sql/" + file);
        try (PreparedStatement s = c.prepareStatement("explain (analyze, buffers, costs off) " + sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            out.append("## ").append(file).append("\n\n");
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.append(r.getString(1)).append('\n');
                }
            }
            out.append('\n');
        }
    }

    private static String counts(Connection c) throws Exception {
        StringBuilder text = new StringBuilder();
        for (String table : List.of("attendance_interval", "agenda_item", "app_user", "programme_session", "question",
                "question_vote")) {
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("select count(*) from " + table)) {
                r.next();
                text.append(String.format(Locale.ROOT, "%s %,d; ", table, r.getLong(1)));
            }
        }
        return text.toString();
    }

    private static void runScript(Connection c, String script) throws Exception {
        StringBuilder statement = new StringBuilder();
        for (String line : script.split("\n")) {
            if (line.strip().startsWith("--")) {
                continue;
            }
            statement.append(line).append('\n');
            if (line.strip().endsWith(";")) {
                try (Statement s = c.createStatement()) {
                    s.execute(statement.toString());
                }
                statement.setLength(0);
            }
        }
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = AttendanceReportBenchmark.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IOException("Missing " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Discards the CSV, counting characters: the export's own speed, without a disk or network. */
    private static final class CountingWriter extends Writer {
        long chars;

        @Override
        public void write(char[] buffer, int offset, int length) {
            chars += length;
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
