import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.jooq.codegen.GenerationTool;
import org.jooq.meta.jaxb.Configuration;
import org.jooq.meta.jaxb.Database;
import org.jooq.meta.jaxb.ForcedType;
import org.jooq.meta.jaxb.Generate;
import org.jooq.meta.jaxb.Generator;
import org.jooq.meta.jaxb.Jdbc;
import org.jooq.meta.jaxb.LambdaConverter;
import org.jooq.meta.jaxb.Logging;
import org.jooq.meta.jaxb.Target;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * Generates the jOOQ classes from the Flyway migrations in db/, against a real PostgreSQL.
 * jOOQ's DDLDatabase replays DDL in H2 and cannot parse this schema (expression indexes, citext-like
 * lower() uniques, checks with regexes), so the build starts a throwaway embedded PostgreSQL instead.
 * Run by Maven in generate-sources as a single-file Java program: args = migrations dir, output dir, work dir.
 * Skips everything when neither the migrations nor the generator's configuration changed since the last run.
 *
 * Forced types give the generated fields the types the code works with, so no query converts by hand:
 * every timestamptz is an Instant (stored and read in UTC), the zone column a ZoneId, the text columns
 * whose check constraints list a Java enum's names that enum, and a votes.changed event's jsonb vote counts a
 * map (qa.VoteCountsConverter). The generated code is shared infrastructure, so
 * it may name enums of the modules (programme, qa, account, agenda, core.security); a module still reaches
 * another's tables only through that module's service.
 */
public class JooqCodegen {

    public static void main(String[] args) throws Exception {
        Path migrations = Path.of(args[0]);
        Path output = Path.of(args[1]);
        Path work = Path.of(args[2]);
        Path stamp = output.resolve(".migrations.sha256");

        Configuration configuration = configuration(output);
        String digest = digestOf(migrations, configuration);
        if (Files.exists(stamp) && Files.readString(stamp).equals(digest)) {
            System.out.println("[jooq-codegen] migrations and configuration unchanged, keeping " + output);
            return;
        }
        Files.createDirectories(work);
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setOverrideWorkingDirectory(work.toFile())
                .setCleanDataDirectory(true)
                .setOutputRedirector(ProcessBuilder.Redirect.DISCARD)
                .setErrorRedirector(ProcessBuilder.Redirect.DISCARD)
                .start()) {
            String url = pg.getJdbcUrl("postgres", "postgres");
            Flyway.configure()
                    .dataSource(url, "postgres", "postgres")
                    .locations("filesystem:" + migrations.toAbsolutePath())
                    .load()
                    .migrate();
            configuration.withJdbc(new Jdbc().withDriver("org.postgresql.Driver").withUrl(url)
                    .withUser("postgres").withPassword("postgres"));
            GenerationTool.generate(configuration);
        }
        Files.writeString(stamp, digest);
    }

    private static Configuration configuration(Path output) {
        return new Configuration()
                .withLogging(Logging.WARN)
                .withGenerator(new Generator()
                        .withDatabase(new Database()
                                .withName("org.jooq.meta.postgres.PostgresDatabase")
                                .withInputSchema("public")
                                // the attendance reports call these table functions (db/V34) from their own SQL;
                                // jOOQ's generated wrappers would hold a DSLContext outside any repository
                                .withExcludes("flyway_schema_history|attendance_presence_of|attendance_live")
                                .withForcedTypes(forcedTypes()))
                        .withGenerate(new Generate()
                                .withRecords(true)
                                .withPojos(false)
                                .withDaos(false)
                                .withJavaTimeTypes(true))
                        .withTarget(new Target()
                                .withPackageName("org.convene.db")
                                .withDirectory(output.toString())));
    }

    private static List<ForcedType> forcedTypes() {
        return List.of(
                // jOOQ's built-in INSTANT: binds and reads timestamptz at UTC
                new ForcedType().withName("INSTANT").withIncludeTypes("(?i:timestamp\\ with\\ time\\ zone|timestamptz)"),
                new ForcedType().withUserType("java.time.ZoneId")
                        .withLambdaConverter(new LambdaConverter().withFrom("java.time.ZoneId::of").withTo("java.time.ZoneId::getId"))
                        .withIncludeExpression("conference\\.time_zone|reminder_setting\\.time_zone|certificate\\.time_zone|attendance_import\\.time_zone"),
                new ForcedType().withUserType("java.util.Map<java.lang.Long, java.lang.Integer>")
                        .withConverter("org.convene.qa.VoteCountsConverter")
                        .withIncludeExpression("qa_event\\.votes"),
                enumColumn("org.convene.programme.SessionFormat", "programme_session\\.format"),
                enumColumn("org.convene.programme.PersonRole", "session_person\\.role"),
                enumColumn("org.convene.core.security.Role", "user_role\\.role"),
                enumColumn("org.convene.account.DisplayPreferences.TextSize", "app_user\\.text_size"),
                enumColumn("org.convene.qa.QuestionState", "question\\.state"),
                enumColumn("org.convene.qa.QaStream", "qa_event\\.stream"),
                enumColumn("org.convene.agenda.AgendaNotice.Kind", "session_change\\.kind"),
                enumColumn("org.convene.mail.MailState", "mail_outbox\\.state"),
                enumColumn("org.convene.mail.MailTopic", "mail_preference\\.topic"),
                enumColumn("org.convene.account.AccountLink.Kind", "account_link\\.kind"),
                enumColumn("org.convene.materials.MaterialKind", "session_material\\.kind"),
                enumColumn("org.convene.materials.FileType", "session_material\\.file_type"),
                enumColumn("org.convene.materials.Publication", "session_material\\.publish_rule"),
                enumColumn("org.convene.programme.AccessFeature",
                        "access_need_feature\\.feature|access_arrangement\\.feature|access_withdrawal\\.feature"),
                enumColumn("org.convene.access.ArrangementState", "access_arrangement\\.state"),
                enumColumn("org.convene.access.Withdrawal.Kind", "access_withdrawal\\.kind"),
                enumColumn("org.convene.accesshelp.HelpKind", "access_help_signal\\.kind"),
                enumColumn("org.convene.polls.PollState", "poll\\.state"),
                enumColumn("org.convene.polls.ComeAgain", "session_feedback\\.come_again"),
                enumColumn("org.convene.attendance.PresenceSource", "attendance_interval\\.source"),
                enumColumn("org.convene.attendance.MeetingTool", "attendance_import\\.format"));
    }

    /** A text column whose check constraint lists exactly the enum's names. */
    private static ForcedType enumColumn(String enumType, String column) {
        return new ForcedType().withUserType(enumType).withEnumConverter(true).withIncludeExpression(column);
    }

    private static String digestOf(Path migrations, Configuration configuration) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update(configuration.toString().getBytes(StandardCharsets.UTF_8));
        try (Stream<Path> files = Files.list(migrations)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".sql")).sorted().toList()) {
                sha.update(file.getFileName().toString().getBytes(StandardCharsets.UTF_8));
                sha.update(Files.readAllBytes(file));
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }
}
