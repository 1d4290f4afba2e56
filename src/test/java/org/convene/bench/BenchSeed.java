package org.convene.bench;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the Q&A benchmarks share: a running session, an asker and voters with API tokens written straight to the
 * embedded PostgreSQL, and the server's heap and CPU read from outside the process.
 */
final class BenchSeed {

    /** The password of every account made with {@link #users}, for benchmarks that sign pages in. */
    static final String PASSWORD = "bench-password-1";

    private BenchSeed() {
    }

    record Seed(long sessionId, String askerToken, List<String> voterTokens) {
    }

    record Account(long id, String email) {
    }

    static String jdbcUrl(int dbPort) {
        return "jdbc:postgresql://127.0.0.1:" + dbPort + "/postgres";
    }

    /** A session running now (for the next three hours), an asker and voters with tokens. */
    static Seed seed(String jdbcUrl, int voterCount) throws Exception {
        try (Connection db = DriverManager.getConnection(jdbcUrl, "postgres", "postgres")) {
            db.setAutoCommit(false);
            long conference;
            try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(
                    "insert into conference (slug, name, time_zone, first_day, last_day) values ('bench-" + System.nanoTime()
                            + "', 'Benchmark', 'Europe/London', current_date - 1, current_date + 1) returning id")) {
                rs.next();
                conference = rs.getLong(1);
            }
            long session;
            try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(
                    "insert into programme_session (conference_id, title, format, starts_at, ends_at) values (" + conference
                            + ", 'Benchmark session', 'WEBINAR', now() - interval '10 minutes', now() + interval '3 hours') returning id")) {
                rs.next();
                session = rs.getLong(1);
            }
            String asker = token(db, user(db, "asker", "{noop}unused", "ATTENDEE").id());
            List<String> voters = new ArrayList<>();
            for (int i = 0; i < voterCount; i++) {
                voters.add(token(db, user(db, "voter" + i, "{noop}unused", "ATTENDEE").id()));
            }
            db.commit();
            return new Seed(session, asker, voters);
        }
    }

    /** Attendees who can sign in through the log-in form with {@link #PASSWORD}. */
    static List<Account> users(String jdbcUrl, String prefix, int count) throws Exception {
        return users(jdbcUrl, prefix, count, "ATTENDEE");
    }

    /** Accounts with this role who can sign in with {@link #PASSWORD}. */
    static List<Account> users(String jdbcUrl, String prefix, int count, String role) throws Exception {
        // a cheap bcrypt (the server verifies any bcrypt strength), so signing hundreds in costs little
        String hash = "{bcrypt}" + new BCryptPasswordEncoder(4).encode(PASSWORD);
        List<Account> accounts = new ArrayList<>();
        try (Connection db = DriverManager.getConnection(jdbcUrl, "postgres", "postgres")) {
            db.setAutoCommit(false);
            for (int i = 0; i < count; i++) {
                accounts.add(user(db, prefix + i, hash, role));
            }
            db.commit();
        }
        return accounts;
    }

    private static Account user(Connection db, String name, String passwordHash, String role) throws Exception {
        String email = name + "-" + System.nanoTime() + "@bench.example";
        long id;
        try (PreparedStatement s = db.prepareStatement("insert into app_user (email, display_name, password_hash, created_at) values (?, ?, ?, now()) returning id")) {
            s.setString(1, email);
            s.setString(2, name);
            s.setString(3, passwordHash);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                id = rs.getLong(1);
            }
        }
        try (PreparedStatement s = db.prepareStatement("insert into user_role (user_id, role, granted_at) values (?, ?, now())")) {
            s.setLong(1, id);
            s.setString(2, role);
            s.execute();
        }
        return new Account(id, email);
    }

    /** Makes an account one of the session's facilitators (a person linked to it, in the FACILITATOR role). */
    static void facilitate(String jdbcUrl, long sessionId, Account account) throws Exception {
        try (Connection db = DriverManager.getConnection(jdbcUrl, "postgres", "postgres")) {
            assign(db, sessionId, account.id(), "Bench Facilitator", "FACILITATOR");
        }
    }

    /** An attendee assigned as the session's captioner (as the session editor would), and their token. */
    static String captioner(String jdbcUrl, long sessionId) throws Exception {
        try (Connection db = DriverManager.getConnection(jdbcUrl, "postgres", "postgres")) {
            long userId = user(db, "captioner", "{noop}unused", "ATTENDEE").id();
            assign(db, sessionId, userId, "captioner", "CAPTIONER");
            return token(db, userId);
        }
    }

    /** A person linked to the account, given the role in the session. */
    private static void assign(Connection db, long sessionId, long userId, String name, String role) throws Exception {
        long person;
        try (PreparedStatement s = db.prepareStatement("insert into person (name, user_id) values (?, ?) returning id")) {
            s.setString(1, name);
            s.setLong(2, userId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                person = rs.getLong(1);
            }
        }
        try (PreparedStatement s = db.prepareStatement("insert into session_person (session_id, person_id, role) values (?, ?, ?)")) {
            s.setLong(1, sessionId);
            s.setLong(2, person);
            s.setString(3, role);
            s.execute();
        }
    }

    private static String token(Connection db, long userId) throws Exception {
        String token = "cvn_bench" + userId + "x" + System.nanoTime();
        try (PreparedStatement s = db.prepareStatement("insert into api_token (user_id, name, token_hash, created_at) values (?, 'bench', ?, now())")) {
            s.setLong(1, userId);
            s.setString(2, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8))));
            s.execute();
        }
        return token;
    }

    /**
     * The live heap after a full GC, by jcmd on the server process, in KB. A class histogram collects and counts in
     * one pause; a GC.run followed by a GC.heap_info, as this did until 7 December 2026, also counted what the
     * server allocated between the two commands, which under load was tens of megabytes.
     */
    static long serverHeapKb(long pid) {
        try {
            Matcher total = Pattern.compile("(?m)^Total\\s+\\d+\\s+(\\d+)\\s*$")
                    .matcher(run("jcmd", Long.toString(pid), "GC.class_histogram"));
            return total.find() ? Long.parseLong(total.group(1)) / 1024 : -1;
        } catch (Exception e) {
            return -1;
        }
    }

    /**
     * CPU time (user + system, in clock ticks of 10 ms) of the server JVM and of its embedded PostgreSQL: the
     * postmaster listening on the port (pg_ctl leaves it a child of init, not of the JVM) and all its backends
     * alive now.
     */
    static long cpuTicks(long serverPid, int dbPort) {
        List<Long> pids = new ArrayList<>();
        pids.add(serverPid);
        ProcessHandle.allProcesses()
                .filter(h -> h.info().commandLine().map(c -> c.contains("postgres") && c.contains(" -p " + dbPort + " ")).orElse(false))
                .forEach(h -> {
                    pids.add(h.pid());
                    h.descendants().forEach(d -> pids.add(d.pid()));
                });
        long total = 0;
        for (long p : pids) {
            try {
                String stat = Files.readString(Path.of("/proc", Long.toString(p), "stat"));
                // after "(comm) " come: state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                total += Long.parseLong(f[11]) + Long.parseLong(f[12]);
            } catch (Exception e) {
                // gone meanwhile
            }
        }
        return total;
    }

    /**
     * From /proc/stat: busy, total and stolen clock ticks of one CPU so far (busy is everything but idle and iowait;
     * stolen is the time the host gave this virtual CPU to another guest, which a slow run on a shared host shows).
     */
    static long[] cpuBusyTotal(int cpu) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/stat"))) {
                if (line.startsWith("cpu" + cpu + " ")) {
                    String[] f = line.trim().split("\\s+");
                    long total = 0;
                    for (int i = 1; i < Math.min(f.length, 9); i++) {
                        total += Long.parseLong(f[i]);
                    }
                    long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
                    long stolen = f.length > 8 ? Long.parseLong(f[8]) : 0;
                    return new long[] {total - idle, total, stolen};
                }
            }
        } catch (Exception e) {
            // not Linux
        }
        return new long[] {0, 0, 0};
    }

    /**
     * Between two {@link #cpuBusyTotal} readings of one CPU: the percentage of the time it was busy, and the
     * percentage the host took for other guests.
     */
    static double[] busyAndStolenPercent(long[] before, long[] after) {
        long total = after[1] - before[1];
        if (total <= 0) {
            return new double[] {0, 0};
        }
        return new double[] {100.0 * (after[0] - before[0]) / total, 100.0 * (after[2] - before[2]) / total};
    }

    static String run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(60, TimeUnit.SECONDS);
        return out;
    }
}
